/** Milton resources over {@code Storage}: files, folders, virtual mount folders, and DELETE/MOVE/COPY with what hangs off them. */
package org.alidav.dav.resource;
