// The xlang program for OpenAPI Generator's typescript-fetch client (see README.md beside it).
//
// It runs against a sandbox named by WHICH50_BASE_URL and WHICH50_TOKEN, writes values of its
// own (prefixed with XLANG_CLIENT), reads each write back through the same client, and prints
// one JSON line per check. It exits 1 when a check failed.
import {
  Configuration,
  ContactListsApi,
  ContactsApi,
  FilesApi,
  LinkedDataApi,
  ResponseError,
  UploadedFileFromJSON,
} from './client/src/index';
import type { Contact } from './client/src/index';

// Node's own globals, declared here so that the program needs no @types/node.
declare const process: {
  env: Record<string, string | undefined>;
  exitCode: number | undefined;
};

const LIST_ID = 1042; // the sandbox's seeded list (the spec's examples use its ids)
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;
const client = process.env.XLANG_CLIENT ?? 'typescript-fetch';
const config = new Configuration({
  basePath: process.env.WHICH50_BASE_URL,
  accessToken: process.env.WHICH50_TOKEN,
});
const lists = new ContactListsApi(config);
const contacts = new ContactsApi(config);
const files = new FilesApi(config);
const linkedData = new LinkedDataApi(config);

function report(check: string, ok: boolean, detail: string): void {
  if (!ok) process.exitCode = 1;
  console.log(JSON.stringify({ check, ok, detail }));
}

async function problem(error: unknown): Promise<string> {
  if (error instanceof ResponseError) {
    return `HTTP ${error.response.status}: ${(await error.response.text()).trim()}`;
  }
  return String(error);
}

/** Run one check; a thrown error fails it with the server's answer. */
async function check(name: string, body: () => Promise<[boolean, string]>): Promise<void> {
  try {
    const [ok, detail] = await body();
    report(name, ok, detail);
  } catch (error) {
    report(name, false, await problem(error));
  }
}

function value(contact: Contact | undefined, field: string): unknown {
  return contact?.values?.[field];
}

async function main(): Promise<void> {
  await check('list contact lists', async () => {
    const found = await lists.listContactLists();
    const seen = found.some((list) => list.id === LIST_ID);
    return [seen, `${found.length} lists, ${LIST_ID} among them: ${seen}`];
  });

  // upsert with match: the second write matches the first contact on Email and updates it
  const email = `${client}.upsert@example.com`;
  await check('upsert with match', async () => {
    const upsert = (firstName: string) =>
      lists.upsertContact({
        contactListId: LIST_ID,
        match: ['Email'],
        contactInput: { values: { Email: email, FirstName: firstName } },
      });
    const first = await upsert('First');
    const second = await upsert('Second');
    const read = await contacts.getContact({ contactId: first.encContactId });
    const same = first.encContactId === second.encContactId;
    const name = value(read, 'FirstName');
    return [same && name === 'Second', `same contact: ${same}; FirstName read back: ${name}`];
  });

  // contact form with two fields, read back through getContact
  await check('contact form', async () => {
    const formEmail = `${client}.form@example.com`;
    const made = await lists.submitContactForm({
      listId: LIST_ID,
      fields: { Email: formEmail, FirstName: 'Form' },
    });
    const read = await contacts.getContact({ contactId: made.encContactId });
    const [got, name] = [value(read, 'Email'), value(read, 'FirstName')];
    return [got === formEmail && name === 'Form', `read back Email ${got}, FirstName ${name}`];
  });

  // PATCH with match values: ?match=Email&Email=..., then list the contacts to see who changed
  await check('patch with match values', async () => {
    const city = `${client}-city`;
    const updated = await lists.updateMatchingContacts({
      contactListId: LIST_ID,
      match: ['Email'],
      matchValues: { Email: email },
      contactInput: { values: { City: city } },
    });
    const all = await lists.listContactListContacts({ contactListId: LIST_ID });
    const withCity = all.filter((c) => value(c, 'City') === city).map((c) => value(c, 'Email'));
    const ok = updated.length === 1 && withCity.length === 1 && withCity[0] === email;
    return [ok, `${updated.length} updated; contacts with the new City: ${withCity.join(', ')}`];
  });

  // upload a file, then download it
  const content = `Email,City\n${email},Galway\n`;
  let stored = '';
  await check('upload file', async () => {
    const file = new File([content], `${client}.csv`, { type: 'text/csv' });
    const uploaded = await files.uploadFile({ file, subFolder: `xlang/${client}` });
    stored = uploaded.filePath ?? '';
    const ok = uploaded.size === content.length && stored.endsWith(`${client}.csv`);
    return [ok, `stored at ${stored}, Size ${uploaded.size} of ${content.length} bytes`];
  });
  await check('download file', async () => {
    const back = await (await files.downloadFile({ filePath: stored })).text();
    return [back === content, `${back.length} bytes back, equal: ${back === content}`];
  });

  // the server time: typed string, and a string at run time too
  await check('server time is a string', async () => {
    const now: string = await lists.getServerTime();
    return [typeof now === 'string' && ISO.test(now), `${typeof now} ${JSON.stringify(now)}`];
  });

  // Linked Data records: the query parameter goes out as $select
  await check('linked data $select', async () => {
    const records = await linkedData.listLinkedDataRecords({
      contactListId: String(LIST_ID),
      linkedDataId: 31,
      $select: ['OrderNumber', 'Total'],
    });
    const keys = new Set(records.flatMap((record) => Object.keys(record)));
    const ok = records.length > 0 && [...keys].every((k) => k === 'OrderNumber' || k === 'Total');
    return [ok, `${records.length} records with the fields ${[...keys].join(', ')}`];
  });

  // a file Size beyond 32 bits decodes through the generated model
  await check('big file size', async () => {
    const big = UploadedFileFromJSON(JSON.parse('{"FilePath":"big.bin","Size":3000000000}'));
    return [big.size === 3000000000, `Size ${big.size}`];
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
