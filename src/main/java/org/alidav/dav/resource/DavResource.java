package org.alidav.dav.resource;

import io.milton.http.Auth;
import io.milton.http.Request;
import io.milton.resource.PropFindableResource;

/**
 * What every resource answers the same way. Authentication and authorisation happen before Milton
 * (in the server's auth filter), so resources let every request through.
 */
abstract class DavResource implements PropFindableResource {
    static final String REALM = "AliDAV";

    @Override
    public Object authenticate(String user, String password) {
        return null;
    }

    @Override
    public boolean authorise(Request request, Request.Method method, Auth auth) {
        return true;
    }

    @Override
    public String getRealm() {
        return REALM;
    }

    @Override
    public String checkRedirect(Request request) {
        return null;
    }
}
