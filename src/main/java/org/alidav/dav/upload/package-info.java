/**
 * Writing a file's content: PUT ({@link org.alidav.dav.upload.PutHandler}, streamed into the
 * storage, with {@code X-OC-Mtime} and {@code OC-Checksum}), and Nextcloud's checksum PATCH
 * ({@link org.alidav.dav.upload.ChecksumRecalculation}) that sync clients send after an upload.
 */
package org.alidav.dav.upload;
