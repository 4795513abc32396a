/**
 * State that lasts across restarts, in one embedded database under {@code data_dir} (dead
 * properties, locks, the journal of in-flight replaces), and the lock that keeps a second server
 * off a {@code data_dir} in use. The shadow store of system files needs no entry here: it is a plain
 * folder tree whose listings are the index.
 */
package org.alidav.state;
