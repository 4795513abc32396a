/** Logging helpers: {@link org.alidav.log.LogText} escapes request-derived values before they are logged. */
package org.alidav.log;
