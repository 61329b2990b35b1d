package dev.mint.bench;

import dev.mint.Level;
import dev.mint.Pbkdf2Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm latency of one 64-byte standard-level derivation per engine, for {@code compare.sh}.
 *
 * <p>Every engine is first warmed up (the JIT compiles its loop), then the engines take turns, one
 * derivation each per round, so that a burst of load from elsewhere hits all of them alike. Prints
 * one line per engine: {@code name<TAB>median ms<TAB>min ms<TAB>runs<TAB>derived hex}.
 *
 * <p>{@code java -cp benchmarks.jar dev.mint.bench.CompareHarness [rounds] [engine...]}
 */
public final class CompareHarness {
  private CompareHarness() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    List<String> names =
        args.length > 1 ? Arrays.asList(args).subList(1, args.length) : Engines.NAMES;
    int iterations = Level.STANDARD.iterations();
    Map<String, Pbkdf2Engine> engines = new LinkedHashMap<>();
    for (String name : names) {
      engines.put(name, Engines.byName(name));
    }
    byte[] expected = null;
    for (Map.Entry<String, Pbkdf2Engine> e : engines.entrySet()) {
      int warmup = e.getKey().equals("bouncycastle") ? 4 : 10;
      for (int i = 0; i < warmup; i++) {
        byte[] out = derive(e.getValue(), iterations);
        if (expected == null) {
          expected = out;
        } else if (!Arrays.equals(expected, out)) {
          throw new IllegalStateException(e.getKey() + " disagrees with " + names.get(0));
        }
      }
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Pbkdf2Engine> e : engines.entrySet()) {
        long start = System.nanoTime();
        derive(e.getValue(), iterations);
        double ms = (System.nanoTime() - start) / 1e6;
        times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ms);
      }
    }
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      List<Double> sorted = new ArrayList<>(e.getValue());
      sorted.sort(null);
      double median =
          sorted.size() % 2 == 1
              ? sorted.get(sorted.size() / 2)
              : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
      System.out.printf(
          "%s\t%.2f\t%.2f\t%d\t%s%n",
          e.getKey(), median, sorted.get(0), sorted.size(), HexFormat.of().formatHex(expected));
    }
  }

  private static byte[] derive(Pbkdf2Engine engine, int iterations) {
    byte[] out = new byte[64];
    engine.derive(Engines.PASSWORD, Engines.SALT, iterations, out);
    return out;
  }
}
