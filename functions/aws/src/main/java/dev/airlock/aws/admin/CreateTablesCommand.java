package dev.airlock.aws.admin;

import dev.airlock.aws.dynamodb.TableBootstrap;
import dev.airlock.aws.dynamodb.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;

/** {@code create-tables}: creates both tables from the one schema if absent (local and LocalStack runs). */
public final class CreateTablesCommand {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public CreateTablesCommand(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    public int run(PrintStream out) {
        new TableBootstrap(dynamoDb).ensureTables(tables);
        out.println("tables ready: " + tables.requests() + ", " + tables.audit());
        return AdminMain.OK;
    }
}
