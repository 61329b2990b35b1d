// The build failed (invoker.buildResult = failure); check it failed for the right reason: javac
// refused dev.mint.internal because module dev.mint does not export it.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('package dev.mint.internal is not visible') : 'the compile did not fail on the unexported package'
assert log.contains('does not export it') : 'javac did not say the package is not exported'
println 'internal-not-exported: a modular consumer cannot reach dev.mint.internal'
return true
