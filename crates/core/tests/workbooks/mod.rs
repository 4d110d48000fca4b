#![allow(dead_code)]
//! Workbooks made byte by byte: zip archives whose parts unpack to much
//! more than they take, and whose headers may lie about it.

/// Bits written least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    used: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        for i in 0..count {
            if self.used % 8 == 0 {
                self.out.push(0);
            }
            let bit = (value >> i) & 1;
            *self.out.last_mut().unwrap() |= (bit as u8) << (self.used % 8);
            self.used += 1;
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }
}

/// A deflate stream of `len` spaces (fixed Huffman codes: one literal, then
/// copies of 258 bytes at distance 1, 13 bits each), about 1,300 times
/// smaller than what it unpacks to.
fn spaces(len: u64) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed codes
    bits.code(0x30 + u32::from(b' '), 8);
    let mut left = len - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30 + u32::from(b' '), 8);
    }
    bits.code(0, 7); // end of block
    bits.out
}

/// A zip archive of deflated parts of spaces: (name, what it unpacks to,
/// what its headers say: a lie when the two differ). The CRC is never
/// right: a reader that stops at its limit never gets to it.
pub fn bomb(parts: &[(&str, u64, u32)]) -> Vec<u8> {
    let le16 = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_le_bytes());
    let le32 = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    let header = |out: &mut Vec<u8>, name: &str, packed: usize, declared: u32| {
        le16(out, 20); // version needed
        le16(out, 0); // flags
        le16(out, 8); // deflated
        le32(out, 0); // time and date
        le32(out, 0); // CRC-32
        le32(out, packed as u32);
        le32(out, declared);
        le16(out, name.len() as u16);
        le16(out, 0); // extra field
    };
    let mut out = Vec::new();
    let mut entries = Vec::new();
    for &(name, len, declared) in parts {
        let data = spaces(len);
        entries.push((name, out.len() as u32, data.len(), declared));
        le32(&mut out, 0x0403_4b50);
        header(&mut out, name, data.len(), declared);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&data);
    }
    let directory = out.len() as u32;
    for &(name, at, packed, declared) in &entries {
        le32(&mut out, 0x0201_4b50);
        le16(&mut out, 20); // made by
        header(&mut out, name, packed, declared);
        le16(&mut out, 0); // comment
        le16(&mut out, 0); // disk
        le16(&mut out, 0); // internal attributes
        le32(&mut out, 0); // external attributes
        le32(&mut out, at);
        out.extend_from_slice(name.as_bytes());
    }
    let size = out.len() as u32 - directory;
    le32(&mut out, 0x0605_4b50);
    le32(&mut out, 0); // disks
    le16(&mut out, entries.len() as u16);
    le16(&mut out, entries.len() as u16);
    le32(&mut out, size);
    le32(&mut out, directory);
    le16(&mut out, 0);
    out
}

/// A cell of a made workbook.
pub enum Value<'a> {
    Text(&'a str),
    Number(f64),
    /// A serial in a date-time format.
    Date(f64),
    Bool(bool),
    /// A formula whose computed value the file does not hold (as some
    /// programs save them).
    Formula(&'a str),
}

/// The columns of [`workbook`]'s sheet.
pub const HEADER: [&str; 7] = [
    "Personeelsnummer",
    "Naam",
    "Functie",
    "Werkdagen",
    "Datum in dienst",
    "Uren",
    "Capaciteit",
];

/// A workbook (sheet `Blad1`) of one person, with `cells` in the place of
/// the plain values of row 2 (column, value).
pub fn workbook(cells: &[(u16, Value)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Blad1").unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy hh:mm:ss");
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["1001", "Jan", "sw-hbo-start", "ma"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    let mut formulas = false;
    for (c, value) in cells {
        let c = *c;
        match value {
            Value::Text(t) => sheet.write_string(1, c, *t),
            Value::Number(n) => sheet.write_number(1, c, *n),
            Value::Date(n) => sheet.write_number_with_format(1, c, *n, &date),
            Value::Bool(b) => sheet.write_boolean(1, c, *b),
            Value::Formula(f) => {
                formulas = true;
                sheet.write_formula(
                    1,
                    c,
                    rust_xlsxwriter::Formula::new(*f).set_result("VERWIJDERD"),
                )
            }
        }
        .unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    if formulas {
        without_results(&bytes)
    } else {
        bytes
    }
}

/// The workbook with every formula's computed value taken out.
fn without_results(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).unwrap();
            // `<c r="E2" t="str"><f>…</f><v>VERWIJDERD</v></c>`: no `<v>`.
            data = text
                .replace("<v>VERWIJDERD</v>", "")
                .replace(" t=\"str\"", "")
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}
