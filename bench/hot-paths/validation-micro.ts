// The autosave body's validation alone, without and with the memoized class-validator metadata
// (libs/common/src/errors/validation.ts): one process, the app's every module loaded so the metadata
// storage holds every DTO class as in the API, the same pipe options, alternating blocks.
// Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/hot-paths/validation-micro.ts
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ValidationPipe } from '@nestjs/common';
import '@app/platform';
import { memoizeValidationMetadata } from '../../libs/common/src/errors/validation';
import { SaveScorecardDto } from '../../libs/feedback/src/dto/scorecard.dto';

const body = () => ({
  version: 3,
  overallRecommendation: 'yes',
  ratings: Array.from({ length: 10 }, (_, i) => ({
    questionId: QUESTIONS[i % 4],
    criterionId: `c${i}`,
    rating: 1 + (i % 4),
    note: 'Clear reasoning about trade-offs',
  })),
});
const QUESTIONS = Array.from({ length: 4 }, () => randomUUID());
const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  forbidUnknownValues: true,
  stopAtFirstError: false,
});
const meta = { type: 'body' as const, metatype: SaveScorecardDto, data: undefined };

async function block(n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await pipe.transform(body(), meta);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

async function main() {
  const N = Number(process.env.N ?? 3000);
  await block(500); // warm-up
  const before: number[] = [];
  for (let r = 0; r < 3; r++) before.push(await block(N));
  memoizeValidationMetadata();
  await block(500);
  const after: number[] = [];
  for (let r = 0; r < 3; r++) after.push(await block(N));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1].toFixed(1);
  process.stdout.write(
    `autosave body (10 ratings) validation, CPU per request: before ${med(before)} µs (${before.map((x) => x.toFixed(0)).join(', ')}), ` +
      `memoized ${med(after)} µs (${after.map((x) => x.toFixed(0)).join(', ')})\n`,
  );
}
void main().then(() => process.exit(0));
