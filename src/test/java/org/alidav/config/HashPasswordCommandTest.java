package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashPasswordCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin) {
        return new HashPasswordCommand(null, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    void hashesTheFirstLineOfStdin() {
        assertEquals(0, run("s3cret pass\nignored\n"));
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(hash.startsWith("pbkdf2:"), hash);
        assertTrue(PasswordHasher.verify("s3cret pass".toCharArray(), hash));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnEmptyPassword() {
        assertEquals(1, run("\n"));
        assertEquals("alidav: the password is empty", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesNoInputAtAll() {
        assertEquals(1, run(""));
        assertEquals("alidav: no password on stdin", err.toString(StandardCharsets.UTF_8).strip());
    }
}
