/**
 * What a browser test's page reports as going wrong — console errors, uncaught errors, failed or
 * refused requests (the browser logs each 4xx/5xx) — from the page and its frames alike, so a test
 * can require a clean console for the states it expects.
 */
import type { Page } from 'playwright-core';

export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The problems none of `expected` accounts for. */
export const unexpectedProblems = (problems: string[], expected: RegExp[]) =>
  problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
