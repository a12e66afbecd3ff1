package org.postfixtls.wizard.ui;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Sets a variable in this process's own C environment, where GTK reads it when the toolkit opens the display
 * (decision 0073). The installers' launcher is jpackage's native binary, which cannot set one itself.
 *
 * <p>Through the FFM API ({@code setenv(3)} of the C library), by reflection because the code is compiled for
 * Java 21, where that API is still a preview; on Java 21 nothing happens. Call it only before the toolkit starts,
 * while no other thread reads the environment. {@link System#getenv} keeps its start-up copy and does not see it.
 */
final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    /** Sets NAME=VALUE unless NAME is set; false if it could not (older Java, no C library). */
    static boolean setIfUnset(String name, String value) {
        if (Runtime.version().feature() < 22) {
            return false;
        }
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
            Optional<?> setenv = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                    .getMethod("find", String.class).invoke(lookup, "setenv");
            if (setenv.isEmpty()) {
                return false;
            }
            Object address = valueLayout.getField("ADDRESS").get(null);
            Object layouts = Array.newInstance(layoutType, 3);
            Array.set(layouts, 0, address);
            Array.set(layouts, 1, address);
            Array.set(layouts, 2, valueLayout.getField("JAVA_INT").get(null));
            Object descriptor = descriptorType.getMethod("of", layoutType, layouts.getClass())
                    .invoke(null, valueLayout.getField("JAVA_INT").get(null), layouts);
            MethodHandle call = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                    optionType.arrayType()).invoke(linker, setenv.get(), descriptor, Array.newInstance(optionType, 0));
            Object arena = arenaType.getMethod("global").invoke(null);
            Object cName = arenaType.getMethod("allocateFrom", String.class).invoke(arena, name);
            Object cValue = arenaType.getMethod("allocateFrom", String.class).invoke(arena, value);
            return (int) call.invokeWithArguments(cName, cValue, 0) == 0;
        } catch (Throwable e) { // an optimisation only: any failure leaves the environment as it was
            return false;
        }
    }
}
