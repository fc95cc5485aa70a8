package dev.livechat.adapter.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A number or integer schema with {@code maximum} and {@code minimum} ({@code must be <= n}, {@code must be >= n}).
 * An integer is any finite JSON number without fractional part ({@code 1.0} counts, as in JavaScript). In a query
 * string an integer must be plain decimal digits with an optional leading minus; anything else is
 * {@code must be integer}.
 */
public final class NumberSchema extends Schema {

    static final NumberSchema INTEGER = new NumberSchema(false, true, null, null);
    static final NumberSchema NUMBER = new NumberSchema(false, false, null, null);

    private static final Pattern QUERY_INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern QUERY_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final boolean integer;
    private final BigDecimal minimum;
    private final BigDecimal maximum;

    private NumberSchema(boolean nullable, boolean integer, BigDecimal minimum, BigDecimal maximum) {
        super(nullable);
        this.integer = integer;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    /** Value at least {@code n}: {@code must be >= <n>}. */
    public NumberSchema minimum(long n) {
        return new NumberSchema(isNullable(), integer, BigDecimal.valueOf(n), maximum);
    }

    /** Value at most {@code n}: {@code must be <= <n>}. */
    public NumberSchema maximum(long n) {
        return new NumberSchema(isNullable(), integer, minimum, BigDecimal.valueOf(n));
    }

    @Override
    public NumberSchema nullable() {
        return new NumberSchema(true, integer, minimum, maximum);
    }

    @Override
    JsonNode checkNonNull(JsonNode value, boolean fromQuery) {
        JsonNode number = fromQuery && value.isTextual() ? fromText(value.textValue()) : value;
        if (number == null || !number.isNumber() || !isFinite(number) || (integer && !isIntegral(number))) {
            throw fail("must be " + typeName());
        }
        BigDecimal decimal = number.decimalValue();
        if (maximum != null && decimal.compareTo(maximum) > 0) {
            throw fail("must be <= " + maximum.toPlainString());
        }
        if (minimum != null && decimal.compareTo(minimum) < 0) {
            throw fail("must be >= " + minimum.toPlainString());
        }
        return number;
    }

    private JsonNode fromText(String text) {
        if (integer) {
            if (!QUERY_INTEGER.matcher(text).matches()) {
                return null;
            }
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64
                    ? JsonNodeFactory.instance.numberNode(big.longValue())
                    : JsonNodeFactory.instance.numberNode(big);
        }
        if (!QUERY_NUMBER.matcher(text).matches()) {
            return null;
        }
        return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
    }

    private static boolean isFinite(JsonNode number) {
        return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
    }

    private static boolean isIntegral(JsonNode number) {
        if (number.isIntegralNumber()) {
            return true;
        }
        if (number.isBigDecimal()) {
            return number.decimalValue().stripTrailingZeros().scale() <= 0;
        }
        double d = number.doubleValue();
        return d == Math.rint(d);
    }

    @Override
    String typeName() {
        return integer ? "integer" : "number";
    }
}
