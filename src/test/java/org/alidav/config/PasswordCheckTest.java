package org.alidav.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordCheckTest {
    @Test
    void acceptsTheRightPasswordRepeatedlyAndCheaply() {
        PasswordCheck check = new PasswordCheck(PasswordHasher.hash("s3cret".toCharArray(), 200_000));
        assertTrue(check.test("s3cret"));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) assertTrue(check.test("s3cret"));
        long perCheckMicros = (System.nanoTime() - start) / 100 / 1000;
        assertTrue(perCheckMicros < 5_000, "a remembered password is not derived again: " + perCheckMicros + " us");
    }

    @Test
    void refusesWrongPasswordsBeforeAndAfterAGoodOne() {
        PasswordCheck check = new PasswordCheck(PasswordHasher.hash("right".toCharArray(), 1000));
        assertFalse(check.test("wrong"));
        assertTrue(check.test("right"));
        assertFalse(check.test("wrong"));
        assertFalse(check.test(""));
    }

    @Test
    void plainTextSpecsWork() {
        PasswordCheck check = new PasswordCheck("plain");
        assertTrue(check.test("plain"));
        assertFalse(check.test("plain2"));
    }
}
