// The consumer compiled against the installed mint-core as a module; now run it, as a separate
// JVM on the module path, for the first accepted row of each of the page's e2e files, and
// compare what it prints (the password, by Mint.derive and by a MintKey, and the normalized site
// from Revision.normalizeSite and dev.mint.conformance) with what the page recorded.
import groovy.json.JsonSlurper

def root = new File(mintRoot)
def jar = new File(localRepositoryPath, "dev/mint/mint-core/${projectVersion}/mint-core-${projectVersion}.jar")
assert jar.isFile() : "mint-core was not installed into the private repository: ${jar}"

// the README's coordinates are the ones this project used
def readme = new File(root, 'README.md').getText('UTF-8')
def xml = (readme =~ /(?s)```xml\n(.*?)```/)[0][1]
assert xml.contains('<groupId>dev.mint</groupId>') && xml.contains('<artifactId>mint-core</artifactId>') \
    && xml.contains("<version>${projectVersion}</version>") : "README's dependency block is not dev.mint:mint-core:${projectVersion}"

def java = new File(System.getProperty('java.home'), 'bin/java').path
def modulePath = new File(basedir, 'target/classes').path + File.pathSeparator + jar.path
def slurper = new JsonSlurper()
int checked = 0
for (name in ['r1-e2e.jsonl', 'r2-e2e.jsonl', 'r3-e2e.jsonl']) {
  def row = new File(root, "test-vectors/upstream/${name}").readLines('UTF-8')
      .findAll { it.trim() }
      .collect { slurper.parseText(it) }
      .find { r ->
        r.error == null && !(r.input.phrase =~ /[\r\n]/) && r.input.phrase.trim() \
            && (r.input.version ==~ /0*[1-9][0-9]{0,3}/)
      }
  assert row != null : "no usable row in ${name}"
  def i = row.input
  def command = [java, '--module-path', modulePath, '--module', 'example.consumer/example.consumer.Main',
                 i.site, i.version, "${i.length}", "${i.upper}", "${i.lower}", "${i.digits}", "${i.symbols}",
                 "${i.excludeAmbiguous}", i.level, row.revision]
  def process = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(false).start()
  process.outputStream.withStream { it.write((i.phrase + '\n').getBytes('UTF-8')) }
  def out = process.inputStream.getText('UTF-8')
  def err = process.errorStream.getText('UTF-8')
  int status = process.waitFor()
  assert status == 0 : "the consumer failed on ${name} #${row.id}: ${err}"
  assert out == row.password + '\n' + row.normalizedSite + '\n' : "${name} #${row.id}: the consumer printed a different password or normalized site"
  println "consumer: ${name} #${row.id} (${i.level}, ${row.revision}): the page's password"
  checked++
}
assert checked == 3
return true
