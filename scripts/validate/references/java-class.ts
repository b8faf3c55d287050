/** A field declared by a Java class: its name and its JVM type descriptor (e.g. `Ljava/lang/String;`). */
export interface JavaField {
  name: string;
  descriptor: string;
  isStatic: boolean;
}

const ACC_STATIC = 0x0008;
const CLASS_FILE_MAGIC = 0xcafebabe;

/** Bytes that each constant pool tag occupies after the tag byte (JVM spec §4.4); Utf8 (1) is variable. */
const CONSTANT_SIZES: Record<number, number> = {
  3: 4, // Integer
  4: 4, // Float
  5: 8, // Long
  6: 8, // Double
  7: 2, // Class
  8: 2, // String
  9: 4, // Fieldref
  10: 4, // Methodref
  11: 4, // InterfaceMethodref
  12: 4, // NameAndType
  15: 3, // MethodHandle
  16: 2, // MethodType
  17: 4, // Dynamic
  18: 4, // InvokeDynamic
  19: 2, // Module
  20: 2 // Package
};

/**
 * The fields of a compiled Java class (JVM spec §4.1): reads the constant pool for the names and stops before the
 * methods, which are not needed.
 */
export function javaClassFields(classFile: Buffer): JavaField[] {
  if (classFile.readUInt32BE(0) !== CLASS_FILE_MAGIC) {
    throw new Error('not a Java class file');
  }
  const constantCount = classFile.readUInt16BE(8);
  const utf8 = new Map<number, string>();
  let offset = 10;
  for (let index = 1; index < constantCount; index++) {
    const tag = classFile[offset];
    if (tag === 1) {
      const length = classFile.readUInt16BE(offset + 1);
      utf8.set(index, classFile.toString('utf8', offset + 3, offset + 3 + length));
      offset += 3 + length;
    } else {
      const size = CONSTANT_SIZES[tag];
      if (size === undefined) {
        throw new Error(`unknown constant pool tag ${tag}`);
      }
      offset += 1 + size;
      // Long and Double take two constant pool slots.
      if (tag === 5 || tag === 6) {
        index++;
      }
    }
  }
  // access flags, this class, super class
  offset += 6;
  const interfaceCount = classFile.readUInt16BE(offset);
  offset += 2 + 2 * interfaceCount;
  const fieldCount = classFile.readUInt16BE(offset);
  offset += 2;
  const fields: JavaField[] = [];
  for (let index = 0; index < fieldCount; index++) {
    const access = classFile.readUInt16BE(offset);
    const name = utf8.get(classFile.readUInt16BE(offset + 2)) ?? '';
    const descriptor = utf8.get(classFile.readUInt16BE(offset + 4)) ?? '';
    const attributeCount = classFile.readUInt16BE(offset + 6);
    offset += 8;
    for (let attribute = 0; attribute < attributeCount; attribute++) {
      offset += 6 + classFile.readUInt32BE(offset + 2);
    }
    fields.push({ name, descriptor, isStatic: (access & ACC_STATIC) !== 0 });
  }
  return fields;
}
