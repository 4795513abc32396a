package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alidav.drive.DriverOptions;
import org.alidav.option.Option;
import org.alidav.option.OptionSet;
import org.junit.jupiter.api.Test;

/**
 * The declarations of the options are the one source of the option list ({@code alidav options}) and
 * of the example config's keys: the example mentions every declared option, and declares nothing else.
 */
class OptionListTest {
    private static final Path EXAMPLE = Path.of("config", "alidav.example.yaml");
    private static final String DRIVER_SET = "storages[] with driver: ";

    /**
     * Every declared option is a key of the example with every setting switched on, in its own section
     * (a storage's driver options in a storage of that driver), or is explained in a comment that lists
     * keys with their meaning ("#   key   meaning").
     */
    @Test
    void theExampleMentionsEveryDeclaredOption() throws Exception {
        Map<String, Set<String>> keysByTitle = new TreeMap<>();
        walk(switchedOnExample(), "", keysByTitle);
        String text = Files.readString(EXAMPLE);
        List<String> missing = new ArrayList<>();
        for (OptionSet set : OptionList.sets()) {
            for (String key : set.names()) {
                boolean used = keysByTitle.getOrDefault(set.title(), Set.of()).contains(key);
                boolean explained = Pattern.compile("(?m)^\\s*#\\s+" + Pattern.quote(key) + "\\s{2,}\\S").matcher(text).find();
                if (!used && !explained) missing.add(set.title() + ": " + key);
            }
        }
        assertEquals(List.of(), missing, "declared options that config/alidav.example.yaml does not mention");
    }

    @Test
    void theExampleHasNoKeyThatIsNotDeclared() throws Exception {
        Map<String, Set<String>> keysByTitle = new TreeMap<>();
        walk(switchedOnExample(), "", keysByTitle);
        Set<String> undeclared = new TreeSet<>();
        keysByTitle.forEach((title, keys) -> keys.stream().filter(key -> !set(title).declares(key)).forEach(key -> undeclared.add(title + ": " + key)));
        assertEquals(Set.of(), undeclared, "keys of the example with every setting switched on that nothing declares");
    }

    /** The driver options of every storage of the example, every setting switched on, read as their driver reads them. */
    @Test
    void theExampleDriverOptionsHoldValuesTheirDriverAccepts() throws Exception {
        int read = 0;
        for (Object storage : (List<?>) switchedOnExample().get("storages")) {
            Map<?, ?> entry = (Map<?, ?>) storage;
            OptionSet declared = set(DRIVER_SET + entry.get("driver"));
            Map<String, Object> options = new java.util.HashMap<>();
            entry.forEach((key, value) -> {
                if (declared.declares(key.toString())) options.put(key.toString(), value);
            });
            DriverOptions driverOptions = new DriverOptions(declared, options);
            for (Option<?> option : declared.options()) {
                if (options.containsKey(option.name())) {
                    driverOptions.get(option); // throws, naming the key, on a value the driver refuses
                    read++;
                }
            }
        }
        assertTrue(read > 30, read + " driver options read");
    }

    /** The example's convention: "#" plus two spaces at the start of a line is a switched-off setting. */
    private static Map<?, ?> switchedOnExample() throws Exception {
        String text = Files.readAllLines(EXAMPLE).stream()
                .map(line -> line.startsWith("#  ") ? line.substring(1) : line)
                .collect(Collectors.joining("\n"));
        return new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
    }

    /**
     * The keys of each mapping, filed under the title of the set that should declare them: the set titled
     * with the mapping's path; for a storage, its driver's set for the keys the common set does not declare.
     */
    private static void walk(Map<?, ?> mapping, String path, Map<String, Set<String>> keysByTitle) {
        String title = path.isEmpty() ? "top level" : path;
        mapping.forEach((key, value) -> {
            String k = key.toString();
            String owner = path.equals("storages[]") && !set(title).declares(k) ? DRIVER_SET + mapping.get("driver") : title;
            keysByTitle.computeIfAbsent(owner, t -> new TreeSet<>()).add(k);
            String at = path.isEmpty() ? k : path + "." + k;
            if (value instanceof Map<?, ?> nested) walk(nested, at, keysByTitle);
            if (value instanceof List<?> items) {
                items.stream().filter(Map.class::isInstance).forEach(item -> walk((Map<?, ?>) item, at + "[]", keysByTitle));
            }
        });
    }

    private static OptionSet set(String title) {
        return OptionList.sets().stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no option set titled " + title));
    }

    @Test
    void theOptionsCommandListsEveryOptionWithTypeAndDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"options"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        String text = out.toString(StandardCharsets.UTF_8);
        for (OptionSet set : OptionList.sets()) {
            assertTrue(text.contains("\n" + set.title() + ":\n"), set.title());
            for (Option<?> option : set.options()) assertTrue(text.contains("  " + option.name() + " "), option.name());
        }
        for (String line : List.of("cache_ttl +duration; default 1m", "port +port 0-65535; default 8080", "root +text; required",
                "remove_way +trash\\|delete; default trash", "part_size +number >= 1; default 20971520")) {
            assertTrue(Pattern.compile("(?m)^  " + line + "$").matcher(text).find(), line);
        }
    }
}
