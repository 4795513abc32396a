package org.alidav.sandbox;

/** A JSON answer with a status other than 200 (the renew stand-in answers 500 {text}). */
record ApiResponse(int status, Object body) {
}
