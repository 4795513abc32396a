/** HTTP semantics Milton gets wrong, done here: GET/HEAD, PUT, ranges, conditionals, request checks, error answers. */
package org.alidav.dav.http;
