package dev.airlock.app.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * TEST ONLY: what the AWS Lambda Java runtime does with our package, in a child JVM started with the
 * function's environment ({@code MAIN_CLASS}, {@code SPRING_CLOUD_FUNCTION_DEFINITION}, …): create the
 * handler {@code FunctionInvoker} once (the init phase), then call
 * {@code handleRequest(InputStream, OutputStream, Context)} once per event file given as argument.
 * Each response is printed as one line {@value #MARKER}{@code <base64 of the response bytes>}.
 */
public final class LambdaHarnessMain {

    public static final String MARKER = "LAMBDA-RESPONSE:";

    private LambdaHarnessMain() {
    }

    public static void main(String[] eventFiles) throws Exception {
        FunctionInvoker handler = new FunctionInvoker();
        int invocation = 0;
        for (String file : eventFiles) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (InputStream input = Files.newInputStream(Path.of(file))) {
                handler.handleRequest(input, output, new FakeContext("invocation-" + (++invocation)));
            }
            System.out.println(MARKER + Base64.getEncoder().encodeToString(output.toByteArray()));
        }
        System.out.flush();
    }

    /** The parts of the Lambda context a handler may read; the logger writes to stdout as Lambda's does. */
    private record FakeContext(String awsRequestId) implements Context {

        @Override
        public String getAwsRequestId() {
            return awsRequestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/airlock-test";
        }

        @Override
        public String getLogStreamName() {
            return "2026/11/07/[$LATEST]0123456789abcdef";
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-central-1:123456789012:function:" + getFunctionName();
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.print(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
