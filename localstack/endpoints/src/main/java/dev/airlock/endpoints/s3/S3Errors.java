package dev.airlock.endpoints.s3;

/** S3's error body (ErrorResponses.html: {@code <Error><Code/><Message/><Resource/></Error>}). */
public final class S3Errors {

    private S3Errors() {
    }

    public static String xml(S3Exception e, String resource) {
        return S3Xml.error(e, resource);
    }
}
