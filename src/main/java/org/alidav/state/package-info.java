/**
 * State that lasts across restarts, in one embedded database under {@code data_dir}: dead
 * properties, locks, the journal of in-flight replaces, the shadow store's index.
 */
package org.alidav.state;
