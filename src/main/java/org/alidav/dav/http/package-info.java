/**
 * HTTP pieces of the DAV layer that know no resource: request checks before Milton, ranges,
 * conditionals, dates, path encoding, safe XML, the HTML folder page, and error answers.
 */
package org.alidav.dav.http;
