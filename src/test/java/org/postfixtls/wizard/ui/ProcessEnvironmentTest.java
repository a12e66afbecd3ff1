package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

    private final String name = "PFTW_TEST_" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);

    @Test
    void setsTheVariableInTheCEnvironmentAndNeverOverwrites() throws Throwable {
        assumeTrue(Runtime.version().feature() >= 22, "the FFM API is final from Java 22 on");

        assertTrue(ProcessEnvironment.setIfUnset(name, "disable"));
        assertEquals("disable", cGetenv(name));

        ProcessEnvironment.setIfUnset(name, "other");
        assertEquals("disable", cGetenv(name), "an existing value is the user's choice");
    }

    /** getenv(3) read the way GTK reads it (System.getenv keeps the JVM's start-up copy). */
    private static String cGetenv(String variable) throws Throwable {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Object getenv = ((Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                .getMethod("find", String.class).invoke(lookup, "getenv")).orElseThrow();
        Object address = valueLayout.getField("ADDRESS").get(null);
        Object layouts = Array.newInstance(layoutType, 1);
        Array.set(layouts, 0, address);
        Object descriptor = descriptorType.getMethod("of", layoutType, layouts.getClass())
                .invoke(null, address, layouts);
        MethodHandle call = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                optionType.arrayType()).invoke(linker, getenv, descriptor, Array.newInstance(optionType, 0));
        Object arena = arenaType.getMethod("global").invoke(null);
        Object cName = arenaType.getMethod("allocateFrom", String.class).invoke(arena, variable);
        Object result = call.invokeWithArguments(cName);
        Object text = segmentType.getMethod("reinterpret", long.class).invoke(result, 4096L);
        return (String) segmentType.getMethod("getString", long.class).invoke(text, 0L);
    }
}
