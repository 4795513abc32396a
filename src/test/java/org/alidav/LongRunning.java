package org.alidav;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that takes tens of seconds even alone (pacing at the official rates, real clients,
 * gigabytes through the server, JVMs of its own). Classes run side by side, and one of these started
 * last would run on alone at the end of the run: {@link LongRunningFirst} starts them first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface LongRunning {
}
