package dev.airlock.endpoints.dynamodb.value;

import dev.airlock.endpoints.AwsServiceException;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitude between 1E-130 and
 * 9.9999999999999999999999999999999999999E+125, leading and trailing zeros trimmed
 * (Amazon DynamoDB Developer Guide, "Supported data types", Number).
 */
public final class Numbers {

    public static final int MAX_PRECISION = 38;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

    private Numbers() {
    }

    static BigDecimal normalise(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return value.stripTrailingZeros();
    }

    /** Parses a number as sent on the wire, with DynamoDB's errors for what it refuses. */
    public static BigDecimal parse(String text) throws AwsServiceException {
        BigDecimal value;
        try {
            if (text.isBlank() || !text.strip().equals(text)) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw AwsServiceException.validation("A value provided cannot be converted into a number");
        }
        return check(value);
    }

    /** Checks precision and range of a number a client sent or an update computed. */
    public static BigDecimal check(BigDecimal value) throws AwsServiceException {
        BigDecimal normalised = normalise(value);
        if (normalised.signum() == 0) {
            return normalised;
        }
        if (normalised.precision() > MAX_PRECISION) {
            throw AwsServiceException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        if (normalised.abs().compareTo(MAX_MAGNITUDE) > 0) {
            throw AwsServiceException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (normalised.abs().compareTo(MIN_MAGNITUDE) < 0) {
            throw AwsServiceException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return normalised;
    }
}
