/**
 * mint-core: the Password Mint page's derivation, bit for bit, with no dependency beyond the JDK's
 * {@code java.base}.
 *
 * <p>The API is the package {@link dev.mint}: {@link dev.mint.Mint} derives a password, {@link
 * dev.mint.MintKey} holds a phrase hardened to derive many, {@link dev.mint.MintRequest} holds the
 * page's settings.
 *
 * <p>{@link dev.mint.conformance} is for conformance tools, not for getting passwords: it exposes
 * the five stages one by one ({@link dev.mint.conformance.Stages}), so that each can be checked
 * against the page's recorded values.
 *
 * <p>{@code dev.mint.internal} (the stages, JavaScript's semantics, the PBKDF2 engines, and the
 * test seam that lets mint's tests see every secret buffer mint allocates) is not exported, to
 * anyone: a modular application cannot reach it. mint's own command line runs from one jar on the
 * class path, where module boundaries do not apply, and uses it from there; a qualified export
 * ({@code exports ... to}) would name modules that do not exist, so there is none.
 */
module dev.mint {
  exports dev.mint;
  exports dev.mint.conformance;
}
