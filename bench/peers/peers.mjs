// Documents per second of npm readers on the fixture appendices, measured as bench/Cchc.Benchmarks
// measures cchc in --iterations mode: the file read into memory once, a warm-up, then N timed rounds.
// One tab-separated line per reader and file: tool, file, iterations, seconds, docs/s, what it produced.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import ExcelJS from "exceljs";
import XLSX from "xlsx";

const here = path.dirname(fileURLToPath(import.meta.url));
const samples = path.resolve(here, "../../samples");
const iterations = Number.parseInt(process.argv[2] ?? "100", 10);
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error("usage: node peers.mjs ITERATIONS");
  process.exit(2);
}

const docx = await readFile(path.join(samples, "ngan-nam-2022-q3.docx"));
const xlsx = await readFile(path.join(samples, "ngan-nam-2022-q3.xlsx"));

const peers = [
  {
    tool: "mammoth extractRawText",
    file: "ngan-nam-2022-q3.docx",
    run: async () => (await mammoth.extractRawText({ buffer: docx })).value.length,
    unit: "chars",
  },
  {
    tool: "mammoth convertToHtml",
    file: "ngan-nam-2022-q3.docx",
    run: async () => (await mammoth.convertToHtml({ buffer: docx })).value.length,
    unit: "chars",
  },
  {
    tool: "exceljs load + rows",
    file: "ngan-nam-2022-q3.xlsx",
    run: async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx);
      let cells = 0;
      workbook.eachSheet((sheet) => sheet.eachRow((row) => { cells += row.values.length; }));
      return cells;
    },
    unit: "cells",
  },
  {
    tool: "SheetJS read + sheet_to_json",
    file: "ngan-nam-2022-q3.xlsx",
    run: async () => {
      const workbook = XLSX.read(xlsx, { type: "buffer" });
      let rows = 0;
      for (const name of workbook.SheetNames) {
        rows += XLSX.utils.sheet_to_json(workbook.Sheets[name], { header: 1 }).length;
      }
      return rows;
    },
    unit: "rows",
  },
];

for (const peer of peers) {
  const warmUp = Math.max(5, Math.floor(iterations / 10));
  let produced = 0;
  for (let i = 0; i < warmUp; i++) produced = await peer.run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) produced = await peer.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log([peer.tool + " (node " + process.version + ")", peer.file, iterations, seconds.toFixed(3),
    (iterations / seconds).toFixed(1), `${peer.unit}=${produced}`].join("\t"));
}
