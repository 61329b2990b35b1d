/**
 * Not part of mint's API: shared between mint's own modules, may change in any release. Use {@code
 * dev.mint} only.
 */
package dev.mint.internal;
