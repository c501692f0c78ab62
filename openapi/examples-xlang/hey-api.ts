// The xlang program for the @hey-api/openapi-ts client (see README.md beside it).
//
// It runs against a sandbox named by WHICH50_BASE_URL and WHICH50_TOKEN, writes values of its
// own (prefixed with XLANG_CLIENT), reads each write back through the same client, and prints
// one JSON line per check. It exits 1 when a check failed.
import { client as http } from './client/client.gen';
import {
  downloadFile,
  getContact,
  getServerTime,
  listContactListContacts,
  listContactLists,
  listLinkedDataRecords,
  submitContactForm,
  updateMatchingContacts,
  uploadFile,
  upsertContact,
} from './client/sdk.gen';
import type { Contact, ContactFormRequest } from './client/types.gen';

// Node's own globals, declared here so that the program needs no @types/node.
declare const process: {
  env: Record<string, string | undefined>;
  exitCode: number | undefined;
};

const LIST_ID = 1042; // the sandbox's seeded list (the spec's examples use its ids)
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;
const client = process.env.XLANG_CLIENT ?? 'hey-api';
// The spec offers bearer or basic; Hey API fills in every scheme the callback answers for (the
// last one wins), so answer for bearer only.
http.setConfig({
  baseUrl: process.env.WHICH50_BASE_URL,
  auth: (scheme) => (scheme.scheme === 'bearer' ? process.env.WHICH50_TOKEN : undefined),
});

function report(check: string, ok: boolean, detail: string): void {
  if (!ok) process.exitCode = 1;
  console.log(JSON.stringify({ check, ok, detail }));
}

/** The data of an answer, or an error that names the status and the error body. */
function must<T>(result: { data?: T; error?: unknown; response?: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw new Error(`HTTP ${result.response?.status}: ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

/** Run one check; a thrown error fails it with the server's answer. */
async function check(name: string, body: () => Promise<[boolean, string]>): Promise<void> {
  try {
    const [ok, detail] = await body();
    report(name, ok, detail);
  } catch (error) {
    report(name, false, String(error));
  }
}

function value(contact: Contact | undefined, field: string): unknown {
  return contact?.Values?.[field];
}

async function main(): Promise<void> {
  await check('list contact lists', async () => {
    const found = must(await listContactLists());
    const seen = found.some((list) => list.Id === LIST_ID);
    return [seen, `${found.length} lists, ${LIST_ID} among them: ${seen}`];
  });

  // upsert with match: the second write matches the first contact on Email and updates it
  const email = `${client}.upsert@example.com`;
  await check('upsert with match', async () => {
    const upsert = async (FirstName: string) =>
      must(
        await upsertContact({
          path: { contactListId: LIST_ID },
          query: { match: ['Email'] },
          body: { Values: { Email: email, FirstName } },
        }),
      );
    const first = await upsert('First');
    const second = await upsert('Second');
    const read = must(await getContact({ path: { contactId: first.EncContactId } }));
    const same = first.EncContactId === second.EncContactId;
    const name = value(read, 'FirstName');
    return [same && name === 'Second', `same contact: ${same}; FirstName read back: ${name}`];
  });

  // contact form with two fields, read back through getContact. Hey API sends the body whole
  // and ignores `encoding`, so the contact's fields go beside ListId, as they are on the wire.
  await check('contact form', async () => {
    const formEmail = `${client}.form@example.com`;
    const form: ContactFormRequest & Record<string, string | number> = {
      ListId: LIST_ID,
      Email: formEmail,
      FirstName: 'Form',
    };
    const made = must(await submitContactForm({ body: form }));
    const read = must(await getContact({ path: { contactId: made.EncContactId } }));
    const [got, name] = [value(read, 'Email'), value(read, 'FirstName')];
    return [got === formEmail && name === 'Form', `read back Email ${got}, FirstName ${name}`];
  });

  // PATCH with match values: ?match=Email&Email=..., then list the contacts to see who changed
  await check('patch with match values', async () => {
    const city = `${client}-city`;
    const updated = must(
      await updateMatchingContacts({
        path: { contactListId: LIST_ID },
        query: { match: ['Email'], matchValues: { Email: email } },
        body: { Values: { City: city } },
      }),
    );
    const all = must(await listContactListContacts({ path: { contactListId: LIST_ID } }));
    const withCity = all.filter((c) => value(c, 'City') === city).map((c) => value(c, 'Email'));
    const ok = updated.length === 1 && withCity.length === 1 && withCity[0] === email;
    return [ok, `${updated.length} updated; contacts with the new City: ${withCity.join(', ')}`];
  });

  // upload a file, then download it
  const content = `Email,City\n${email},Galway\n`;
  let stored = '';
  await check('upload file', async () => {
    const file = new File([content], `${client}.csv`, { type: 'text/csv' });
    const uploaded = must(await uploadFile({ body: { file }, query: { subFolder: `xlang/${client}` } }));
    stored = uploaded.FilePath ?? '';
    const ok = uploaded.Size === content.length && stored.endsWith(`${client}.csv`);
    return [ok, `stored at ${stored}, Size ${uploaded.Size} of ${content.length} bytes`];
  });
  await check('download file', async () => {
    const back = await must(await downloadFile({ query: { filePath: stored } })).text();
    return [back === content, `${back.length} bytes back, equal: ${back === content}`];
  });

  // the server time: typed string, and a string at run time too
  await check('server time is a string', async () => {
    const now: string = must(await getServerTime());
    return [typeof now === 'string' && ISO.test(now), `${typeof now} ${JSON.stringify(now)}`];
  });

  // Linked Data records: the query parameter goes out as $select
  await check('linked data $select', async () => {
    const records = must(
      await listLinkedDataRecords({
        path: { contactListId: String(LIST_ID), linkedDataId: 31 },
        query: { $select: ['OrderNumber', 'Total'] },
      }),
    );
    const keys = new Set(records.flatMap((record) => Object.keys(record)));
    const ok = records.length > 0 && [...keys].every((k) => k === 'OrderNumber' || k === 'Total');
    return [ok, `${records.length} records with the fields ${[...keys].join(', ')}`];
  });

  // a file Size beyond 32 bits: Hey API's types are plain JSON, so a number is a double
  await check('big file size', async () => {
    const answer = new Response('{"FilePath":"big.bin","Size":3000000000}', {
      headers: { 'Content-Type': 'application/json' },
    });
    const big: { Size?: number } = await answer.json();
    return [big.Size === 3000000000, `Size ${big.Size}`];
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
