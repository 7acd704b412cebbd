package org.linkage.chassis.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's message catalogue: every {@value #RESOURCE} on the class path (the chassis' own and the service's),
 * each key with a {@code <key>.en} and a {@code <key>.zh-CN} text, {@code {0}}, {@code {1}}... standing for the
 * values. The code writes its texts in English, so that logs, events and stored rows read the same everywhere;
 * {@link #translate} renders such a text in the reader's language by finding the English pattern it was made from.
 * A text no pattern matches stays as written.
 */
public final class Messages {

    public static final String RESOURCE = "META-INF/linkage/messages.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final Messages LOADED = load(Messages.class.getClassLoader());

    private final Map<String, String[]> texts;
    private final List<Entry> toChinese;
    private final List<Entry> toEnglish;

    /** A text's pattern in one language, its values in the order they stand, and the text in the other. */
    private record Entry(String key, Pattern from, List<Integer> order, String to, int literalLength) {
    }

    Messages(Map<String, String[]> texts) {
        this.texts = Map.copyOf(texts);
        this.toChinese = patterns(texts, 0);
        this.toEnglish = patterns(texts, 1);
    }

    private static List<Entry> patterns(Map<String, String[]> texts, int from) {
        List<Entry> entries = new ArrayList<>();
        texts.forEach((key, both) -> {
            // A key lacking a language renders nothing (rather than break every text); the completeness test says so.
            if (both[0] != null && both[1] != null) {
                entries.add(entry(key, both[from], both[1 - from]));
            }
        });
        // The most specific pattern wins: "must be at most {0} characters" before "must be at most {0}".
        entries.sort(Comparator.comparingInt(Entry::literalLength).reversed().thenComparing(Entry::key));
        return List.copyOf(entries);
    }

    /** The catalogue of this class path. */
    public static Messages get() {
        return LOADED;
    }

    static Messages load(ClassLoader loader) {
        Map<String, String[]> texts = new LinkedHashMap<>();
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            for (URL url : Collections.list(resources)) {
                try (InputStream in = url.openStream()) {
                    Properties properties = read(in);
                    for (String key : keys(properties)) {
                        texts.put(key, new String[]{properties.getProperty(key + ".en"),
                                properties.getProperty(key + ".zh-CN")});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(texts);
    }

    /** A catalogue file as written (UTF-8). */
    public static Properties read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        return properties;
    }

    /** The keys a catalogue file names, in either language. */
    public static Set<String> keys(Properties properties) {
        Set<String> keys = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.endsWith(".en") || name.endsWith(".zh-CN")) {
                keys.add(name.substring(0, name.lastIndexOf('.')));
            }
        }
        return keys;
    }

    /**
     * What is wrong with a catalogue file: a key without both texts, a text that is blank, a Chinese text without
     * Chinese, texts whose placeholders differ, a name that is not {@code <key>.en} or {@code <key>.zh-CN}.
     */
    public static List<String> incompleteness(Properties properties) {
        List<String> problems = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.endsWith(".en") && !name.endsWith(".zh-CN")) {
                problems.add(name + ": not <key>.en or <key>.zh-CN");
            }
        }
        for (String key : keys(properties)) {
            String english = properties.getProperty(key + ".en");
            String chinese = properties.getProperty(key + ".zh-CN");
            if (english == null || english.isBlank()) {
                problems.add(key + ": no en text");
            }
            if (chinese == null || chinese.isBlank()) {
                problems.add(key + ": no zh-CN text");
            } else if (chinese.codePoints().noneMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)) {
                problems.add(key + ": the zh-CN text has no Chinese");
            }
            if (english != null && chinese != null && !placeholders(english).equals(placeholders(chinese))) {
                problems.add(key + ": the texts' placeholders differ");
            }
        }
        return problems;
    }

    /** What is wrong with a module's catalogue file, {@code src/main/resources/} + {@link #RESOURCE} in a test. */
    public static List<String> incompleteness(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Properties properties = read(in);
            List<String> problems = new ArrayList<>(incompleteness(properties));
            if (keys(properties).isEmpty()) {
                problems.add(file + ": no messages");
            }
            return problems;
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The text of a key in this language, with the values in place of its placeholders. */
    public String text(String key, Language language, Object... values) {
        String[] both = texts.get(key);
        if (both == null) {
            throw new IllegalArgumentException("No message " + key + " in the catalogue");
        }
        return fill(language == Language.EN ? both[0] : both[1], values);
    }

    /** The key has both its texts (a test asks before the code may use it). */
    public boolean has(String key) {
        String[] both = texts.get(key);
        return both != null && both[0] != null && !both[0].isBlank() && both[1] != null && !both[1].isBlank();
    }

    /** An English text of the code reads differently, and in Chinese, once rendered for a Chinese reader. */
    public boolean rendersInChinese(String english) {
        String chinese = translate(english, Language.ZH_CN);
        return !chinese.equals(english)
                && chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** An English text of the suite in this language: as written when in English or when no pattern matches. */
    public String translate(String english, Language language) {
        return translate(english, language, Map.of());
    }

    /**
     * Like {@link #translate(String, Language)}, with terms no catalogue file can know (labels admins gave codes at
     * run time): a value standing for a placeholder that is one of them is rendered as its text.
     *
     * @param terms code → its text in this language
     */
    public String translate(String english, Language language, Map<String, String> terms) {
        if (english == null || language == Language.EN || english.isEmpty()) {
            return english;
        }
        return render(english, toChinese, terms);
    }

    /** A Chinese text of the catalogues back in English (tests read what a message says); as written if unknown. */
    public String inEnglish(String chinese) {
        return chinese == null || chinese.isEmpty() ? chinese : render(chinese, toEnglish, Map.of());
    }

    private static String render(String text, List<Entry> patterns, Map<String, String> terms) {
        for (Entry entry : patterns) {
            Matcher matcher = entry.from().matcher(text);
            if (matcher.matches()) {
                Object[] values = new Object[10];
                for (int i = 0; i < entry.order().size(); i++) {
                    String value = matcher.group(i + 1);
                    values[entry.order().get(i)] = terms.containsKey(value) ? terms.get(value)
                            : render(value, patterns, terms);
                }
                return fill(entry.to(), values);
            }
        }
        return text;
    }

    private static String fill(String text, Object... values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            Object value = index < values.length ? values[index] : null;
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group()
                    : String.valueOf(value)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static Entry entry(String key, String from, String to) {
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(from);
        int at = 0;
        int literal = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(from.substring(at, matcher.start()))).append("(.+)");
            literal += matcher.start() - at;
            order.add(Integer.parseInt(matcher.group(1)));
            at = matcher.end();
        }
        regex.append(Pattern.quote(from.substring(at)));
        literal += from.length() - at;
        return new Entry(key, Pattern.compile(regex.toString(), Pattern.DOTALL), order, to, literal);
    }
}
