package org.linkage.testing;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the problem texts a module's code writes and that its message catalogue cannot render in Chinese: the
 * English messages and details passed to {@code ProblemException}'s factories and constructor, to
 * {@code new Violation(field, message)} and {@code new Problem(...)}, a problem type (slug) without a title, and
 * {@code text("key", ...)} of a key the catalogue lacks. The sources are parsed (javac's tree API), not compiled; a
 * message made by concatenation is checked with a sample in place of each value ("must be at most " + max reads
 * "must be at most 7"), so a catalogue pattern "must be at most {0}" covers it. A message that is only a variable
 * or a call is passed through from elsewhere and checked where it is written.
 * <pre>
 * assertEquals(List.of(), ProblemTexts.uncatalogued(Path.of("src/main/java"), catalogue));
 * </pre>
 */
public final class ProblemTexts {

    /** What stands for a value the source does not spell out. */
    static final String SAMPLE = "7";

    /** A detail that names its field first ("photo: must be ..."): the field stays, the rest is rendered. */
    private static final Pattern FIELD_FIRST = Pattern.compile("[A-Za-z][\\w.\\[\\]]*: .+", Pattern.DOTALL);

    /** ProblemException's factories → the positions of their English arguments (messages or details). */
    private static final Map<String, int[]> FACTORIES = Map.of(
            "invalid", new int[]{1}, "unprocessable", new int[]{1}, "forbidden", new int[]{0},
            "tooManyRequests", new int[]{0}, "unsupportedMediaType", new int[]{0}, "preconditionFailed", new int[]{0},
            "notFound", new int[]{0});
    private static final Set<String> CONSTRUCTED = Set.of("ProblemException", "Violation", "Problem");

    /**
     * The catalogue a module's code writes through.
     *
     * @param rendersInChinese an English text of the code has a Chinese rendering (the chassis' Messages)
     * @param titled           a problem type's slug has its titles (the chassis' ProblemTitles)
     * @param hasKey           a message key has both its texts
     */
    public record Catalogue(Predicate<String> rendersInChinese, Predicate<String> titled, Predicate<String> hasKey) {
    }

    private ProblemTexts() {
    }

    /** "File.java:12: text" for every problem text under this source folder its catalogue does not cover. */
    public static List<String> uncatalogued(Path sources, Catalogue catalogue) {
        List<String> found = new ArrayList<>();
        for (Text text : texts(sources)) {
            boolean covered = switch (text.kind()) {
                case MESSAGE -> catalogue.rendersInChinese().test(text.text())
                        || FIELD_FIRST.matcher(text.text()).matches()
                        && catalogue.rendersInChinese().test(text.text().substring(text.text().indexOf(": ") + 2));
                case SLUG -> catalogue.titled().test(text.text());
                case KEY -> catalogue.hasKey().test(text.text());
            };
            if (!covered) {
                found.add(text.where() + ": " + text.kind().name().toLowerCase() + " \"" + text.text() + "\"");
            }
        }
        return found;
    }

    /** What a text is: an English message, a problem type's slug, a catalogue key. */
    public enum Kind { MESSAGE, SLUG, KEY }

    /** One text the code writes into a problem, where it stands. */
    public record Text(Kind kind, String text, String where) {
    }

    /** Every problem text the sources under this folder write, values replaced by {@value #SAMPLE}. */
    public static List<Text> texts(Path sources) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Text> texts = new ArrayList<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null,
                StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null, units);
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(unit, trees, texts).scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** Walks one source file: its String constants first, then the calls that make problems. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final Trees trees;
        private final List<Text> texts;
        private final Map<String, ExpressionTree> constants = new HashMap<>();

        Scanner(CompilationUnitTree unit, Trees trees, List<Text> texts) {
            this.unit = unit;
            this.trees = trees;
            this.texts = texts;
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree variable, Void unused) {
                    Set<Modifier> modifiers = variable.getModifiers().getFlags();
                    if (modifiers.contains(Modifier.FINAL) && modifiers.contains(Modifier.STATIC)
                            && variable.getInitializer() != null) {
                        constants.put(variable.getName().toString(), variable.getInitializer());
                    }
                    return super.visitVariable(variable, unused);
                }
            }.scan(unit, null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            List<? extends ExpressionTree> arguments = call.getArguments();
            if (call.getMethodSelect() instanceof MemberSelectTree select) {
                String name = select.getIdentifier().toString();
                boolean onProblemException = select.getExpression() instanceof IdentifierTree receiver
                        && receiver.getName().contentEquals("ProblemException");
                if (onProblemException && FACTORIES.containsKey(name)) {
                    for (int position : FACTORIES.get(name)) {
                        if (position < arguments.size()) {
                            message(arguments.get(position), call);
                        }
                    }
                    // conflict(detail) and conflict(detail, field, message)
                } else if (onProblemException && name.equals("conflict")) {
                    message(arguments.get(0), call);
                    if (arguments.size() == 3) {
                        message(arguments.get(2), call);
                    }
                } else if (name.equals("text") && !arguments.isEmpty()
                        && arguments.get(0) instanceof LiteralTree literal && literal.getValue() instanceof String key
                        && key.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
                    texts.add(new Text(Kind.KEY, key, where(call)));
                }
            }
            return super.visitMethodInvocation(call, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree created, Void unused) {
            String type = created.getIdentifier().toString();
            List<? extends ExpressionTree> arguments = created.getArguments();
            if (CONSTRUCTED.contains(type)) {
                switch (type) {
                    case "Violation" -> {
                        if (arguments.size() == 2) {
                            message(arguments.get(1), created);
                        }
                    }
                    case "ProblemException" -> {
                        if (arguments.size() == 5) {
                            for (String slug : samples(arguments.get(1))) {
                                if (!slug.contains(SAMPLE)) {
                                    texts.add(new Text(Kind.SLUG, slug, where(created)));
                                }
                            }
                            message(arguments.get(3), created);
                        }
                    }
                    default -> {
                        if (arguments.size() == 6) {
                            message(arguments.get(3), created);
                        }
                    }
                }
            }
            return super.visitNewClass(created, unused);
        }

        /** An English text, unless it is only a value made elsewhere (a parameter, a call's result). */
        private void message(ExpressionTree argument, Tree at) {
            for (String sample : samples(argument)) {
                // Only values and punctuation ("7: 7", a field and its message joined) is no text of its own.
                if (sample.replace(SAMPLE, "").chars().anyMatch(Character::isLetter)) {
                    texts.add(new Text(Kind.MESSAGE, sample, where(at)));
                }
            }
        }

        /** What an expression may read: literals as written, constants of the file, a sample for anything else. */
        private List<String> samples(ExpressionTree expression) {
            if (expression instanceof ParenthesizedTree parenthesized) {
                return samples(parenthesized.getExpression());
            }
            if (expression instanceof LiteralTree literal) {
                return List.of(literal.getValue() instanceof String text ? text : SAMPLE);
            }
            if (expression instanceof ConditionalExpressionTree conditional) {
                List<String> both = new ArrayList<>(samples(conditional.getTrueExpression()));
                both.addAll(samples(conditional.getFalseExpression()));
                return both;
            }
            if (expression instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
                List<String> joined = new ArrayList<>();
                for (String left : samples(binary.getLeftOperand())) {
                    for (String right : samples(binary.getRightOperand())) {
                        joined.add(left + right);
                    }
                }
                return joined;
            }
            if (expression instanceof IdentifierTree identifier
                    && constants.containsKey(identifier.getName().toString())) {
                return samples(constants.get(identifier.getName().toString()));
            }
            return List.of(SAMPLE);
        }

        private String where(Tree at) {
            long line = unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, at));
            return Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + line;
        }
    }
}
