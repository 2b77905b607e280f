package dev.briefings.digest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * SHA-256 by the system's OpenSSL (libcrypto 3), called through the foreign function API of Java 22 and later.
 *
 * <p>Why: a briefing of a small input runs with the C1 compiler only (see {@code bin/briefings}), and the JDK's own
 * SHA-256 is then plain compiled Java (about 130 MB/s here), because only C2 uses the CPU's SHA instructions. At
 * 100,000 records the digests of the record file, of every staged record and of the workbook took some 0.8
 * CPU-seconds that way; OpenSSL takes a tenth of it. The API is reached by reflection because the project compiles
 * for Java 17, where it does not exist; there (or without libcrypto 3) {@link #binding()} is empty and the JDK's
 * digest is used. The digests are the same either way: SHA-256 is SHA-256, and a test checks it.
 *
 * <p>The digest's state is a {@code SHA256_CTX} kept in a Java {@code long[]}, passed to OpenSSL as a heap segment
 * by critical downcalls: no native memory to free, and a clone is a copy of the array.
 */
final class OpenSslSha256 extends java.security.MessageDigest implements Cloneable {

    /** {@code sizeof(SHA256_CTX)} is 112 bytes in OpenSSL 3; 128 leaves room. */
    private static final int CONTEXT_LONGS = 16;

    /** The downcalls, each adapted to plain types: (long[] ctx) int, (long[] ctx, byte[], long offset, long length) int, (byte[] out, long[] ctx) int. */
    record Binding(MethodHandle init, MethodHandle update, MethodHandle finish) {
    }

    private final Binding binding;
    private long[] context = new long[CONTEXT_LONGS];
    private final byte[] one = new byte[1];

    OpenSslSha256(Binding binding) {
        super("SHA-256");
        this.binding = binding;
        engineReset();
    }

    /** The downcalls, when this Java can make them and libcrypto 3 is there; made once per JVM (see the holder). */
    static Optional<Binding> binding() {
        return Holder.BINDING;
    }

    private static final class Holder {
        static final Optional<Binding> BINDING = bind();
    }

    @Override
    protected void engineUpdate(byte input) {
        one[0] = input;
        engineUpdate(one, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        java.util.Objects.checkFromIndexSize(offset, len, input.length);
        if (len == 0) {
            return;
        }
        try {
            check((int) binding.update().invokeExact(context, input, (long) offset, (long) len), "SHA256_Update");
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    @Override
    protected byte[] engineDigest() {
        byte[] out = new byte[32];
        try {
            check((int) binding.finish().invokeExact(out, context), "SHA256_Final");
        } catch (Throwable e) {
            throw failed(e);
        }
        engineReset();
        return out;
    }

    @Override
    protected int engineGetDigestLength() {
        return 32;
    }

    @Override
    protected void engineReset() {
        java.util.Arrays.fill(context, 0L);
        try {
            check((int) binding.init().invokeExact(context), "SHA256_Init");
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        OpenSslSha256 copy = (OpenSslSha256) super.clone();
        copy.context = context.clone();
        return copy;
    }

    private static void check(int result, String function) {
        if (result != 1) {
            throw new IllegalStateException("OpenSSL's " + function + " failed (returned " + result + ")");
        }
    }

    private static RuntimeException failed(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("OpenSSL's SHA-256 failed", e);
    }

    /** Empty where the API or the library is missing: the JDK's digest then serves, which is only slower. */
    private static Optional<Binding> bind() {
        if (Runtime.version().feature() < 22) {
            return Optional.empty();
        }
        try {
            Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> layout = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
            Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> arena = Class.forName("java.lang.foreign.Arena");

            Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
            Object library = lookupClass.getMethod("libraryLookup", String.class, arena)
                    .invoke(null, "libcrypto.so.3", arena.getMethod("global").invoke(null));
            Object address = valueLayout.getField("ADDRESS").get(null);
            Object int32 = valueLayout.getField("JAVA_INT").get(null);
            Object int64 = valueLayout.getField("JAVA_LONG").get(null);
            // Critical: no thread-state change around the call, and Java arrays may be passed (Java 22+).
            Object options = Array.newInstance(option, 1);
            Array.set(options, 0, option.getMethod("critical", boolean.class).invoke(null, true));
            var of = descriptor.getMethod("of", layout, Array.newInstance(layout, 0).getClass());

            var lookup = MethodHandles.publicLookup();
            MethodHandle ofBytes = lookup.findStatic(segment, "ofArray", MethodType.methodType(segment, byte[].class));
            MethodHandle ofLongs = lookup.findStatic(segment, "ofArray", MethodType.methodType(segment, long[].class));
            MethodHandle slice = lookup.findVirtual(segment, "asSlice", MethodType.methodType(segment, long.class, long.class));
            var downcall = linkerClass.getMethod("downcallHandle", segment, descriptor, options.getClass());
            var find = lookupClass.getMethod("find", String.class);

            MethodHandle init = (MethodHandle) downcall.invoke(linker, symbol(find, library, "SHA256_Init"),
                    of.invoke(null, int32, layouts(layout, address)), options);
            MethodHandle update = (MethodHandle) downcall.invoke(linker, symbol(find, library, "SHA256_Update"),
                    of.invoke(null, int32, layouts(layout, address, address, int64)), options);
            MethodHandle finish = (MethodHandle) downcall.invoke(linker, symbol(find, library, "SHA256_Final"),
                    of.invoke(null, int32, layouts(layout, address, address)), options);

            // init(long[]) ; update(long[], byte[], offset, length) = update(ofArray(ctx), ofArray(bytes).asSlice(offset, length), length)
            init = MethodHandles.filterArguments(init, 0, ofLongs);
            MethodHandle sliceOfBytes = MethodHandles.filterArguments(slice, 0, ofBytes); // (byte[], long, long) segment
            update = MethodHandles.filterArguments(update, 0, ofLongs); // (long[], segment, long)
            update = MethodHandles.collectArguments(update, 1, sliceOfBytes); // (long[], byte[], long, long, long)
            update = MethodHandles.permuteArguments(update,
                    MethodType.methodType(int.class, long[].class, byte[].class, long.class, long.class), 0, 1, 2, 3, 3);
            finish = MethodHandles.filterArguments(finish, 0, ofBytes, ofLongs);
            Binding binding = new Binding(init, update, finish);
            // A wrong library (or ABI) shows here rather than in a manifest: the digest of "abc" is well known.
            var probe = new OpenSslSha256(binding);
            probe.update("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (!java.util.HexFormat.of().formatHex(probe.digest())
                    .equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")) {
                return Optional.empty();
            }
            return Optional.of(binding);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // No libcrypto.so.3 (or no native access allowed): the JDK's SHA-256 does the same, more slowly.
            return Optional.empty();
        }
    }

    private static Object symbol(java.lang.reflect.Method find, Object library, String name)
            throws ReflectiveOperationException {
        return ((Optional<?>) find.invoke(library, name))
                .orElseThrow(() -> new NoSuchMethodException("libcrypto has no " + name));
    }

    private static Object layouts(Class<?> layout, Object... items) {
        Object array = Array.newInstance(layout, items.length);
        for (int i = 0; i < items.length; i++) {
            Array.set(array, i, items[i]);
        }
        return array;
    }
}
