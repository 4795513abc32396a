/** Properties: the dead-property store, PROPPATCH, and what PROPFIND needs besides Milton's live properties. */
package org.alidav.dav.props;
