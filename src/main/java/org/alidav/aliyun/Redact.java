package org.alidav.aliyun;

import java.util.regex.Pattern;

/** Keeps tokens and long bodies out of logs and error messages. */
final class Redact {
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_\\-+/=]{8,}\\.[A-Za-z0-9_\\-+/=]{8,}\\.[A-Za-z0-9_\\-+/=]*");

    private Redact() {
    }

    /** The text with anything shaped like a JWT replaced, cut to a readable length. */
    static String abbreviate(String text) {
        if (text == null) return "";
        String s = JWT.matcher(text).replaceAll("<redacted>");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
