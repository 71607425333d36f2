package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;

import java.util.ArrayList;
import java.util.List;

/** Parses a {@code ProjectionExpression}: document paths separated by commas, none overlapping. */
public final class ProjectionParser extends ExpressionParser {

    private ProjectionParser(String expression, ExpressionContext context) throws AwsServiceException {
        super(expression, "ProjectionExpression", context);
    }

    public static List<DocumentPath> parse(String expression, ExpressionContext context) throws AwsServiceException {
        ProjectionParser parser = new ProjectionParser(expression, context);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(parser.parsePath());
        } while (parser.accept(","));
        parser.expectEnd();
        parser.checkNoOverlap(paths);
        return paths;
    }
}
