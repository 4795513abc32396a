package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CliTest {
    private static void assertUsageError(String expected, String... args) {
        assertEquals(expected, assertThrows(UsageException.class, () -> Cli.parse(args)).getMessage());
    }

    @Test
    void noArgumentsServeWithNothingOverridden() {
        assertEquals(new CliArgs(CliArgs.Command.SERVE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, false, false), Cli.parse());
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        CliArgs expected = new CliArgs(CliArgs.Command.SERVE, Optional.of(Path.of("my.yaml")), Optional.of("0.0.0.0"),
                Optional.of(9000), Optional.of(Path.of("state")), Optional.empty(), true, true, true);
        assertEquals(expected, Cli.parse("--config", "my.yaml", "--host", "0.0.0.0", "--port", "9000",
                "--data-dir", "state", "--sandbox", "--help", "--version"));
        assertEquals(expected, Cli.parse("--config=my.yaml", "--host=0.0.0.0", "--port=9000", "--data-dir=state",
                "--sandbox", "-h", "--version"));
    }

    @Test
    void hashPasswordIsASubcommand() {
        assertEquals(CliArgs.Command.HASH_PASSWORD, Cli.parse("hash-password").command());
    }

    @Test
    void optionsIsASubcommand() {
        assertEquals(CliArgs.Command.OPTIONS, Cli.parse("options").command());
        assertTrue(Cli.parse("options", "--help").help());
        assertTrue(Cli.usage().contains("options        list every key of the config file"));
    }

    @Test
    void loginIsASubcommandWithItsOwnOptions() {
        CliArgs login = Cli.parse("login", "--config", "my.yaml", "--mount", "/ali/");
        assertEquals(CliArgs.Command.LOGIN, login.command());
        assertEquals(Optional.of(Path.of("my.yaml")), login.config());
        assertEquals(Optional.of("/ali"), login.mount(), "normalised like a mount: key");
        assertEquals(Optional.of(Path.of("d")), Cli.parse("--config=my.yaml", "login", "--data-dir=d").dataDir());
        assertEquals(Optional.of(Path.of("my.yaml")), Cli.parse("--config=my.yaml", "login").config(), "before the command too");
        assertEquals(Optional.empty(), Cli.parse("login").mount());
        assertTrue(Cli.parse("login", "--help").help());
    }

    @Test
    void loginMistakesAreOneLineWithAHint() {
        assertUsageError("--mount must be an absolute path starting with '/', not 'ali' (see --help)", "login", "--mount", "ali");
        assertUsageError("--mount needs a value (see --help)", "login", "--mount");
        assertUsageError("unknown option '--mount' (see --help)", "--mount", "/ali");
        assertUsageError("unknown option '--port' (see --help)", "login", "--port", "80");
        assertUsageError("--host, --port and --sandbox are options of the server, not of login (see --help)", "--port", "80", "login");
        assertUsageError("unexpected argument 'extra' (see --help)", "login", "extra");
    }

    @Test
    void mistakesAreOneLineWithAHint() {
        assertUsageError("unknown option '--prot' (see --help)", "--prot", "80");
        assertUsageError("unknown option '--verbose' (see --help)", "--verbose=yes");
        assertUsageError("unexpected argument 'serve' (see --help)", "serve");
        assertUsageError("--port needs a value (see --help)", "--port");
        assertUsageError("--config needs a value (see --help)", "--config", "--sandbox");
        assertUsageError("--port must be a port number from 0 to 65535, not 'http' (see --help)", "--port", "http");
        assertUsageError("--host must not be empty (see --help)", "--host=");
        assertUsageError("--sandbox takes no value (see --help)", "--sandbox=true");
        assertUsageError("--version takes no value (see --help)", "--version=1");
    }

    @Test
    void helpMentionsEveryOptionAndVariable() {
        String usage = Cli.usage();
        for (String word : new String[] {"--config", "--host", "--port", "--data-dir", "--sandbox", "--version", "--help",
                "hash-password", "login"}) {
            assertTrue(usage.contains(word), word);
        }
        String login = Cli.usage("login");
        for (String word : new String[] {"--config", "--data-dir", "--mount", "--help"}) {
            assertTrue(login.contains(word), word);
        }
        for (String variable : ConfigOverrides.ENV_VARIABLES) {
            assertTrue(usage.contains(variable), variable);
        }
    }

    @Test
    void versionIsDevWhenNotRunFromTheJar() {
        assertEquals("dev", Cli.version());
        assertFalse(Cli.version().isBlank());
    }
}
