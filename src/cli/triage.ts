import { createInterface } from 'node:readline';
import { triageDictionary } from '../../flows/dictionary/index';
import { classify } from '../engine/classifier';
import { compiled } from '../engine/triage-compile';
import { fileCompileCache } from './compile-cache';

// Triage from the command line: one message as an argument, or one message per
// line on stdin. Prints one JSON line per message, category and urgency first.

const HELP = `使い方 / Usage:
  npm run -s triage -- "<メッセージ>"     1件を判定して JSON を1行出力します
                                         classify one message, print one JSON line
  npm run -s triage < messages.txt       標準入力の1行を1件として、入力順に1行ずつ出力します
                                         one message per stdin line, one JSON line each, in order
                                         空行は読み飛ばします（出力行なし） / blank lines are skipped (no output line)

出力 / Output:
  {"category":…,"urgency":…,"crisisKinds":[…],"confidence":0..1,"matched":[…],"thirdParty":…,"distress":…,"distressPhrases":[…]}
  confidence が 0 のときは「理解できなかった」ことを表します / confidence 0 means "not understood"
  distress はつらさのしるし（危機でなければ、相談先の電話を添えます） / distress: signs of distress (numbers to call are added when there is no crisis)

オプション / Options:
  -h, --help   この説明を表示します / show this help
`;

function line(text: string): string {
  const { category, urgency, crisisKinds, confidence, matched, thirdParty, distress, distressPhrases } = classify(text);
  return `${JSON.stringify({ category, urgency, crisisKinds, confidence, matched, thirdParty, distress, distressPhrases })}\n`;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  compiled(triageDictionary, fileCompileCache(triageDictionary));
  if (args.length > 0) {
    process.stdout.write(line(args.join(' ')));
    return;
  }
  for await (const input of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (input.trim() !== '') process.stdout.write(line(input));
  }
}

// A closed pipe (… | head) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

await main(process.argv.slice(2));
