/**
 * Not part of mint's API, and not exported by the {@code dev.mint} module: how mint computes what
 * the API promises. The page's five stages ({@link dev.mint.internal.FiveStages}) and their rules
 * ({@code SiteRule}, {@code VersionRule}, {@code Encoding}, {@code Hardening}), JavaScript's
 * semantics as the page relies on them ({@code Js}, {@code CaseMapping}), the PBKDF2 engines
 * ({@link dev.mint.internal.FastPbkdf2}), the PGP word list of {@code PhraseCheck}, the wiping of
 * secret buffers ({@link dev.mint.internal.Secrets}) and the test seam that sees them ({@link
 * dev.mint.internal.SecretSeam}). Classes are public only where {@code dev.mint}, {@code
 * dev.mint.conformance} or mint's own tests call them; anything here may change in any release. Use
 * {@code dev.mint}.
 */
package dev.mint.internal;
