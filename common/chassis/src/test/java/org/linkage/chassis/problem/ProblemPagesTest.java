package org.linkage.chassis.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem type resolves to a page: {@code https://linkage.dev/problems/<slug>} is
 * {@code docs/problems/<slug>.md}. Each type the main code names or the title catalogue holds has its page, each
 * page is of a type the code answers, and each page's example body is of its type, with a status the code uses
 * for it and the catalogue's title.
 */
class ProblemPagesTest {

    private static final Path PAGES = ProblemTypesInCode.ROOT.resolve("docs/problems");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyProblemTypeHasAPageAndEveryPageAType() throws IOException {
        Map<String, Set<Integer>> inCode = ProblemTypesInCode.slugs();
        Set<String> types = new TreeSet<>(inCode.keySet());
        types.addAll(ProblemTitles.TITLES.keySet());
        Set<String> pages = pages();
        for (String type : types) {
            assertTrue(pages.contains(type), "no page docs/problems/" + type + ".md for " + Problem.TYPE_BASE + type);
        }
        for (String page : pages) {
            assertTrue(inCode.containsKey(page), "docs/problems/" + page + ".md is of a type no main code answers");
        }
        String index = Files.readString(PAGES.resolve("README.md"));
        for (String page : pages) {
            assertTrue(index.contains("(" + page + ".md)"), "docs/problems/README.md does not link " + page);
        }
    }

    @Test
    void eachPageSaysItsTypeTitleStatusAndWhatToDo() throws IOException {
        Map<String, Set<Integer>> inCode = ProblemTypesInCode.slugs();
        ObjectMapper json = new ObjectMapper();
        for (String page : pages()) {
            String text = Files.readString(PAGES.resolve(page + ".md"));
            String uri = Problem.TYPE_BASE + page;
            String[] titles = ProblemTitles.TITLES.get(page);
            String heading = text.lines().findFirst().orElse("");
            assertTrue(heading.startsWith("# ") && heading.contains(titles[1]) && heading.contains(titles[0]),
                    page + ": the heading names the English and the Chinese title: " + heading);
            assertTrue(text.contains("`" + uri + "`"), page + ": the page names its type URI");
            assertTrue(text.contains("What it means") && text.contains("What to do"), page);
            Matcher block = JSON_BLOCK.matcher(text);
            assertTrue(block.find(), page + ": an example body");
            JsonNode example = json.readTree(block.group(1));
            assertEquals(uri, example.path("type").asText(), page + ": the example's type");
            int status = example.path("status").asInt();
            Set<Integer> statuses = inCode.get(page);
            assertTrue(statuses.isEmpty() || statuses.contains(status),
                    page + ": the example's status " + status + " is one the code answers " + statuses);
            assertTrue(text.contains("HTTP " + status), page + ": the page states the status");
            String title = example.path("title").asText();
            assertTrue(title.equals(titles[0]) || title.equals(titles[1]), page + ": the example's title " + title);
        }
    }

    private static Set<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".md") && !f.equals("README.md"))
                    .map(f -> f.substring(0, f.length() - ".md".length())).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }
}
