package org.postfixtls.wizard.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountedTest {

    @Test
    void oneTakesTheSingular() {
        assertEquals("1 problem", Counted.of(1, "problem"));
        assertEquals("1 delivery", Counted.of(1, "delivery", "deliveries"));
    }

    @Test
    void zeroAndMoreTakeThePlural() {
        assertEquals("0 files", Counted.of(0, "file"));
        assertEquals("3 problems", Counted.of(3, "problem"));
        assertEquals("2 deliveries", Counted.of(2, "delivery", "deliveries"));
    }
}
