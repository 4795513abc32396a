package org.alidav;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An end-to-end test: it drives a real client program (litmus, rclone, ffmpeg) or a server in a JVM
 * of its own. Such tests run in {@code mvn verify} through the failsafe plugin, after the in-process
 * tests that surefire runs in {@code mvn test}; {@code mvn -B verify} runs both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(EndToEnd.TAG)
public @interface EndToEnd {
    String TAG = "end-to-end";
}
