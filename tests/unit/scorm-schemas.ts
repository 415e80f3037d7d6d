// Validates a SCORM manifest against the XML schemas of its version with xmllint (libxml2
// compiled to WebAssembly: the npm package xmllint-wasm; no Java, no native build). One
// wrapper schema imports each namespace's schema, so every element is checked, the ADL
// and IMS extensions included.
//
// Two known defects of the SCORM 1.2 schema files (as ADL and IMS published them, and as the
// package ships them) stop libxml2 from compiling them; the copies given to xmllint here are
// mended, in memory only, and nothing else is changed:
// - ims_xml.xsd binds the default namespace to the `xml` namespace, which XML namespaces
//   forbid (Namespaces in XML 1.0, section 3); the binding is unused, so it is dropped.
// - imsmd_rootv1p2p1.xsd ends each element's content with `<xsd:any namespace="##any">`,
//   which can match the same elements named before it: a non-deterministic content model
//   (XML Schema 1.0, "Unique Particle Attribution"). `##other`, as in the IMS content
//   packaging schema, keeps extensions from other namespaces allowed.
import { validateXML } from 'xmllint-wasm';
import type { ScormVersion } from '../../src/lib/scorm.ts';
import { SCHEMA_FILES, SCHEMA_LOCATIONS } from '../../src/lib/scorm-package.ts';

/** A schema file as xmllint can compile it (see above). */
function mended(file: string, bytes: Uint8Array): Uint8Array | string {
  const text = () => Buffer.from(bytes).toString('utf8');
  if (file === 'ims_xml.xsd')
    return text().replace(' xmlns="http://www.w3.org/XML/1998/namespace"', '');
  if (file === 'imsmd_rootv1p2p1.xsd')
    return text().replace('namespace="##any"', 'namespace="##other"');
  return bytes;
}

/** The errors xmllint finds in `manifest` (none: valid); `schema(file)` gives a schema file's bytes. */
export async function manifestErrors(
  manifest: string,
  version: ScormVersion,
  schema: (file: string) => Uint8Array,
): Promise<string[]> {
  const imports = Object.entries(SCHEMA_LOCATIONS[version])
    .map(([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${file}"/>`)
    .join('');
  const wrapper = `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imports}</xs:schema>`;
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'all.xsd', contents: wrapper }],
    preload: SCHEMA_FILES[version].map((file) => ({
      fileName: file,
      contents: mended(file, schema(file)),
    })),
  });
  return result.errors.map((error) => error.rawMessage);
}
