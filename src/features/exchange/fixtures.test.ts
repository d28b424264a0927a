import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { displayNameOf } from '../contacts/model.js';
import { toCandidate } from './match.js';
import { readSource } from './read.js';
import { bufferSource } from './source.js';

/*
 * Every file in test/fixtures (real exports from other programs' test suites, see SOURCES.md
 * there, and synthetic exports in LinkedIn's, Google's and Outlook's exact layouts) with the
 * contacts it gives: what a preview shows before anything is stored. Notes are cut at 60
 * characters here; the flow tests check whole values.
 */

const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');

type Summary = Record<string, unknown>;

async function summarize(dir: string, file: string): Promise<Summary[] | { error: string }> {
  try {
    const reading = await readSource(bufferSource(file, fs.readFileSync(path.join(FIXTURES, dir, file))));
    const out: Summary[] = [];
    for await (const record of reading.records) {
      if ('rejected' in record) {
        out.push({ line: record.line, rejected: record.rejected });
        continue;
      }
      const checked = toCandidate(record.draft, record.line);
      if ('rejected' in checked) {
        out.push({ line: record.line, rejected: checked.rejected });
        continue;
      }
      const { fields, photo, extras } = checked.candidate;
      const s: Summary = { line: record.line, name: displayNameOf(fields) };
      for (const key of ['company', 'title', 'location', 'birthday', 'metOn'] as const) if (fields[key]) s[key] = fields[key];
      for (const key of ['emails', 'phones', 'urls'] as const) if (fields[key].length > 0) s[key] = fields[key].map((m) => `${m.type}:${m.value}`);
      if (fields.tags.length > 0) s.tags = fields.tags;
      if (photo) s.photo = `${photo.mediaType} ${photo.data.length}`;
      if (extras.length > 0) s.kept = extras.map((e) => (e.group ? `${e.group}.` : '') + e.name);
      const warnings = [...record.warnings, ...checked.warnings].map((w) => `line ${w.line} ${w.field}: ${w.message}`);
      if (warnings.length > 0) s.warnings = warnings;
      for (const key of ['firstName', 'middleName', 'lastName', 'nickname', 'prefix', 'suffix'] as const) if (fields[key]) s[key] = fields[key];
      if (fields.notes) s.notes = fields.notes.slice(0, 60);
      out.push(s);
    }
    return out;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('IMPORT_FILE_INVALID');
    return { error: error.message };
  }
}

const VCARD: Record<string, Summary[] | { error: string }> = {
  "aosp__v21_backslash.vcf": [
    { line: 1, name: "A;B\\C;D:E\\", firstName: "A;B;C;", middleName: "D", prefix: "\\:E", suffix: "\\;" },
  ],
  "aosp__v21_complicated.vcf": [
    { line: 1, name: "Joe Due", company: "Gump Shrimp Co.", title: "Shrimp Man", location: "Baytown, LA, United States of America", birthday: "1980-01-01", emails: ["other:forrestgump@walladalla.com", "cell:cell@example.com"], phones: ["work:(111) 555-1212", "home:(404) 555-1212", "mobile:0311111111", "video:0322222222", "other:0333333333"], urls: ["other:http://www.example.com/"], photo: "image/jpeg 3888", kept: ["ORG", "ROLE", "X-CLASS", "ADR", "LABEL", "ADR", "LABEL", "X-ATTRIBUTE", "GEO"], firstName: "Forrest", middleName: "Hoge", lastName: "Gump", prefix: "Pos", suffix: "Tao", notes: "The following note is the example from RFC 2045.\n\nNow's the " },
  ],
  "aosp__v21_invalid_comment_line.vcf": [
    { line: 1, name: "Conference Call", kept: ["UID"], firstName: "Conference Call", notes: "This is an (sharp ->#<- sharp) example. This message must NO" },
  ],
  "aosp__v21_japanese_2.vcf": [
    { line: 1, name: "安藤 ロイド 1", kept: ["SOUND", "ADR"], firstName: "ロイド1", lastName: "安藤", notes: "メモ" },
  ],
  "aosp__v21_malformed_photo.vcf": [
    { line: 1, name: "fullname", warnings: ["line 5 PHOTO: is not valid base64; the picture was skipped"], lastName: "name" },
  ],
  "aosp__v21_multiple_entry.vcf": [
    { line: 1, name: "安藤ロイド3", kept: ["SOUND"], warnings: ["line 5 TEL: \"9\" is not a phone number; skipped", "line 6 TEL: \"10\" is not a phone number; skipped", "line 7 TEL: \"11\" is not a phone number; skipped", "line 8 TEL: \"12\" is not a phone number; skipped"], lastName: "安藤ロイド3" },
    { line: 12, name: "安藤ロイド4", kept: ["SOUND"], warnings: ["line 16 TEL: \"13\" is not a phone number; skipped", "line 17 TEL: \"14\" is not a phone number; skipped", "line 18 TEL: \"15\" is not a phone number; skipped", "line 19 TEL: \"16\" is not a phone number; skipped"], lastName: "安藤ロイド4" },
    { line: 23, name: "安藤ロイド5", kept: ["SOUND"], warnings: ["line 27 TEL: \"17\" is not a phone number; skipped", "line 28 TEL: \"18\" is not a phone number; skipped", "line 29 TEL: \"19\" is not a phone number; skipped", "line 30 TEL: \"20\" is not a phone number; skipped"], lastName: "安藤ロイド5" },
  ],
  "aosp__v21_pref_handling.vcf": [
    { line: 1, name: "Smith", company: "Company", title: "Engineer", emails: ["home:test@example.com", "cell:test2@examination.com"], kept: ["ORG", "TITLE", "ORG", "TITLE"], warnings: ["line 4 TEL: \"1\" is not a phone number; skipped", "line 5 TEL: \"2\" is not a phone number; skipped", "line 6 TEL: \"3\" is not a phone number; skipped"] },
  ],
  "aosp__v21_winmo_65.vcf": [
    { line: 1, name: "Example", kept: ["ANNIVERSARY", "AGENT", "X-CLASS", "X-REDUCTION", "X-NO"], lastName: "Example" },
  ],
  "aosp__v21_x_param.vcf": [
    { line: 1, name: "Roid Ando", emails: ["other:email@example.com", "custompropertywithoutx:email2@example.com"], kept: ["ADR"], warnings: ["line 5 TEL: \"1\" is not a phone number; skipped", "line 6 TEL: \"2\" is not a phone number; skipped"], firstName: "Roid", lastName: "Ando" },
  ],
  "aosp__v30_ios_613_multiline.vcf": [
    { line: 1, name: "Bob Smith", company: "Smith Auto Repair", emails: ["other:bob@smithauto.com"], phones: ["mobile:(650) 555-1212"], urls: ["homepage:https://www.smithauto.com"], photo: "image/jpeg 5165", firstName: "Bob", lastName: "Smith" },
  ],
  "aosp__v40_sort_as.vcf": [
    { line: 1, name: "安藤 ロイド", company: "グーグル", kept: ["ORG"], firstName: "ロイド", lastName: "安藤" },
  ],
  "ezvcard__John_Doe_ANDROID.vcf": [
    { line: 1, rejected: "the card has no name (FN, N, NICKNAME or ORG)" },
    { line: 6, rejected: "the card has no name (FN, N, NICKNAME or ORG)" },
    { line: 11, name: "Ñ Ñ Ñ Ñ Ñ", phones: ["mobile:123456789"], tags: ["My Contacts"], lastName: "Ñ Ñ Ñ Ñ" },
    { line: 18, name: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", phones: ["mobile:123456", "home:234567", "mobile:3456789", "home:45678901"], tags: ["My Contacts"], lastName: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", notes: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ\n\nÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ " },
    { line: 36, name: "Ñ Ñ Ñ Ñ", company: "ÑÑÑÑÑÑÑÑÑÑÑÑ", emails: ["work:bob@company.com"], phones: ["mobile:123456"], urls: ["other:https://www.company.com", "other:http://www.company.com"], photo: "image/jpeg 876", kept: ["ORG"], warnings: ["line 44 EMAIL: \"ññññññññññññññ\" is not an email address; skipped"], firstName: "Ñ Ñ Ñ", lastName: "Ñ Ñ" },
    { line: 71, name: "ÑÑÑÑ", company: "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ", emails: ["other:henry@company.com"], phones: ["mobile:55556666"], tags: ["My Contacts"], kept: ["ORG", "ORG"], warnings: ["line 82 vcard: ORG: bytes that are not valid UTF-8 were replaced by �"], lastName: "ÑÑÑÑ" },
  ],
  "ezvcard__John_Doe_EVOLUTION.vcf": [
    { line: 1, name: "Mr. John Richter, James Doe Sr.", company: "IBM", title: "Money Counter", location: "Albaney, New York, United States of America", birthday: "1980-03-22", emails: ["work:john.doe@ibm.com"], phones: ["mobile:905-666-1234", "work:905-555-1234"], urls: ["other:http://www.ibm.com"], tags: ["VIP"], kept: ["X-COUCHDB-APPLICATION-ANNOTATIONS", "X-AIM", "UID", "X-EVOLUTION-FILE-AS", "X-EVOLUTION-SPOUSE", "ORG", "X-EVOLUTION-MANAGER", "X-EVOLUTION-ASSISTANT", "ADR", "X-EVOLUTION-ANNIVERSARY"], firstName: "John", middleName: "Richter, James", lastName: "Doe", nickname: "Johny", prefix: "Mr.", suffix: "Sr.", notes: "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTR" },
  ],
  "ezvcard__John_Doe_GMAIL.vcf": [
    { line: 1, name: "Mr. John Richter, James Doe Sr.", company: "IBM", title: "Money Counter", birthday: "1980-03-22", emails: ["home:john.doe@ibm.com"], phones: ["mobile:905-555-1234", "home:905-666-1234"], urls: ["work:http://www.ibm.com"], kept: ["X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "ADR", "item1.X-ABDATE", "item2.X-ABRELATEDNAMES", "item1.X-ABLABEL", "item2.X-ABLABEL"], firstName: "John", middleName: "Richter, James", lastName: "Doe", prefix: "Mr.", suffix: "Sr.", notes: "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTR" },
  ],
  "ezvcard__John_Doe_IPHONE.vcf": [
    { line: 1, name: "Mr. John Richter James Doe Sr.", company: "IBM", title: "Money Counter", location: "New York, New York, United States of America", birthday: "2012-06-06", emails: ["other:john.doe@ibm.com"], phones: ["mobile:905-555-1234", "home:905-666-1234", "work:905-777-1234", "home fax:905-888-1234", "work fax:905-999-1234", "pager:905-111-1234", "assistantphone:905-222-1234"], urls: ["homepage:http://www.ibm.com"], photo: "image/jpeg 32531", kept: ["ORG", "item3.ADR", "item3.X-ABADR", "item4.ADR", "item4.X-ABADR"], firstName: "John", middleName: "Richter James", lastName: "Doe", nickname: "Johny", prefix: "Mr.", suffix: "Sr." },
  ],
  "ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf": [
    { line: 1, name: "Mr. John Richter,James Doe Sr.", company: "IBM", title: "Money Counter", location: "New York, New York, United States of America", birthday: "2012-06-06", emails: ["work:john.doe@ibm.com"], phones: ["work:905-777-1234", "home:905-666-1234", "mobile:905-555-1234", "home fax:905-888-1234", "work fax:905-999-1234", "pager:905-111-1234", "assistantphone:905-222-1234"], urls: ["homepage:http://www.ibm.com"], photo: "image/jpeg 18242", kept: ["X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "ORG", "item2.ADR", "item2.X-ABADR", "item3.ADR", "item3.X-ABADR", "item5.X-ABRELATEDNAMES", "X-ABUID", "item5.X-ABLABEL"], firstName: "John", middleName: "Richter,James", lastName: "Doe", nickname: "Johny", prefix: "Mr.", suffix: "Sr.", notes: "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTR" },
  ],
  "ezvcard__John_Doe_MS_OUTLOOK.vcf": [
    { line: 1, name: "Mr. John Richter James Doe Sr.", company: "IBM", title: "Money Counter", location: "Albaney, New York, United States of America", birthday: "1980-03-22", emails: ["other:john.doe@ibm.cm"], phones: ["work:(905) 555-1234", "home:(905) 666-1234"], urls: ["work:http://www.ibm.com"], photo: "image/jpeg 860", kept: ["ORG", "ADR", "LABEL", "ADR", "LABEL", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "ROLE", "X-MS-ANNIVERSARY", "X-MS-IMADDRESS", "X-MS-OL-DESIGN", "X-MS-MANAGER", "X-MS-ASSISTANT"], firstName: "John", middleName: "Richter,James", lastName: "Doe", nickname: "Johny", prefix: "Mr.", suffix: "Sr.", notes: "THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS'' AND " },
  ],
  "ezvcard__fullcontact.vcf": [
    { line: 1, name: "Prefix FirstName MiddleName LastName Suffix", company: "Organization1", title: "Title1", location: "HomeCity, HomeState, HomeCountry", birthday: "2016-08-01", emails: ["home:home@example.com", "work:work@example.com", "school:school@example.com", "other:other@example.com", "customtype:custom@example.com"], phones: ["home:555-555-1111", "work:555-555-1112", "mobile:555-555-1113", "mobile:555-555-1114", "other:555-555-1115", "home fax:555-555-1116", "work fax:555-555-1117", "other:555-555-1118", "other:555-555-1119"], urls: ["other:http://www.homepage.com", "other:http://www.blog.com", "other:http://www.other.com", "other:http://www.custom.com"], tags: ["Tag"], kept: ["PHOTO", "PHOTO", "PHOTO", "ORG", "ORG", "TITLE", "BDAY", "GENDER", "X-GENDER", "X-ID", "X-ETAG", "X-FC-TAGS", "X-FC-LIST-ID", "X-FCENCODED-582D46432D52656C617465644E616D65733A4D6F74686572", "X-FCENCODED-582D46432D52656C617465644E616D65733A466174686572", "X-FCENCODED-582D46432D52656C617465644E616D65733A506172656E74", "X-FCENCODED-582D46432D52656C617465644E616D65733A42726F74686572", "X-FCENCODED-582D46432D52656C617465644E616D65733A536973746572", "X-FCENCODED-582D46432D52656C617465644E616D65733A4368696C64", "X-FCENCODED-582D46432D52656C617465644E616D65733A467269656E64", "X-FCENCODED-582D46432D52656C617465644E616D65733A53706F757365", "X-FCENCODED-582D46432D52656C617465644E616D65733A4669616E63C3A9", "X-FCENCODED-582D46432D52656C617465644E616D65733A506172746E6572", "X-FCENCODED-582D46432D52656C617465644E616D65733A417373697374616E74", "X-FCENCODED-582D46432D52656C617465644E616D65733A4D616E61676572", "X-FCENCODED-582D46432D52656C617465644E616D65733A4F74686572", "X-FCENCODED-582D46432D52656C617465644E616D65733A437573746F6D54595045", "X-FCENCODED-582D46432D4F7468657244617465733A416E6E6976657273617279", "X-FCENCODED-582D46432D4F7468657244617465733A4F74686572", "X-FCENCODED-582D46432D4F7468657244617465733A437573746F6D54595045", "ADR", "ADR", "ADR", "ADR", "IMPP", "IMPP", "IMPP", "IMPP", "IMPP", "IMPP", "IMPP"], firstName: "FirstName", middleName: "MiddleName", lastName: "LastName", nickname: "NickName", prefix: "Prefix", suffix: "Suffix", notes: "Notes line 1\nNotes line 2" },
  ],
  "ezvcard__gmail-single.vcf": [
    { line: 1, name: "Greg Dartmouth", company: "TheCompany", title: "TheJobTitle", location: "123 Home St, Home City, HM 12345", birthday: "1960-09-10", emails: ["other:gdartmouth@hotmail.com"], phones: ["mobile:555 555 1111", "grand_central:555 555 2222"], urls: ["profile:http://TheProfile.com"], kept: ["X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "X-ICQ", "ADR", "item2.ADR", "item4.X-ABDATE", "item5.X-ABRELATEDNAMES", "item6.X-ABRELATEDNAMES", "item2.X-ABLABEL", "item4.X-ABLABEL", "item5.X-ABLABEL", "item6.X-ABLABEL"], firstName: "Greg", lastName: "Dartmouth", nickname: "Gman", notes: "This is GMail's note field.\nIt should be added as a NOTE typ" },
  ],
  "ezvcard__gmail-single2.vcf": [
    { line: 1, name: "VCard Test", company: "TheCompany", title: "TheJobTitle", location: "NY, New York", birthday: "1912-06-23", emails: ["other:email@example.com", "home:homeemail@example.com", "work:workemail@example.com", "other:otheremail@example.com", "customemailcategory:customcategory@example.com"], phones: ["other:5555551111", "home:5555551112", "work:5555551113", "other:5555551114", "mobile:5555551115", "main:5555551116", "home fax:5555551117", "work fax:5555551118", "grand_central:5555551119", "pager:5555551120", "customephonecategory:5555551121"], urls: ["other:http://www.example1.com", "profile:http://www.example2.com", "blog:http://www.example3.com", "homepage:http://www.example4.com", "work:http://www.example5.com", "customwebsitecategory:http://www.example6.com"], kept: ["X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "X-GTALK", "X-AIM", "X-YAHOO", "X-SKYPE", "X-QQ", "X-MSN", "X-ICQ", "X-JABBER", "ADR", "ADR", "ADR", "ADR", "item4.ADR", "item9.X-ABDATE", "X-ABDATE", "item10.X-ABDATE", "X-ABRELATEDNAMES", "item11.X-ABRELATEDNAMES", "item12.X-ABRELATEDNAMES", "item13.X-ABRELATEDNAMES", "item14.X-ABRELATEDNAMES", "item15.X-ABRELATEDNAMES", "item16.X-ABRELATEDNAMES", "item17.X-ABRELATEDNAMES", "item18.X-ABRELATEDNAMES", "item19.X-ABRELATEDNAMES", "item20.X-ABRELATEDNAMES", "item21.X-ABRELATEDNAMES", "item22.X-ABRELATEDNAMES", "item23.X-ABRELATEDNAMES", "item24.X-ABRELATEDNAMES", "item25.X-ABRELATEDNAMES", "item4.X-ABLABEL", "item9.X-ABLABEL", "item10.X-ABLABEL", "item11.X-ABLABEL", "item12.X-ABLABEL", "item13.X-ABLABEL", "item14.X-ABLABEL", "item15.X-ABLABEL", "item16.X-ABLABEL", "item17.X-ABLABEL", "item18.X-ABLABEL", "item19.X-ABLABEL", "item20.X-ABLABEL", "item21.X-ABLABEL", "item22.X-ABLABEL", "item23.X-ABLABEL", "item24.X-ABLABEL", "item25.X-ABLABEL"], firstName: "VCard", lastName: "Test", nickname: "TheNickname", notes: "note line 1\nnote line 2\nCustomField: field value" },
  ],
  "ezvcard__issue114.vcf": [
    { line: 1, name: "Dummy, Dummy", company: "Dummy GmbH", location: "Bad Homburg, Germany", emails: ["home:dummy.dummy@dummy.com"], phones: ["mobile:+49 1234 56789", "work:+49 9876 54321"], kept: ["ADR", "UID"], firstName: "Dummy", lastName: "Dummy" },
  ],
  "ezvcard__outlook-2003.vcf": [
    { line: 1, name: "John Doe III", company: "Company, The", title: "The Job Title", location: "Austin, TX, United States of America", birthday: "1980-03-21", emails: ["other:jdoe@hotmail.com"], urls: ["work:http://web-page-address.com"], kept: ["ORG", "ADR", "LABEL", "ROLE", "KEY", "FBURL"], warnings: ["line 10 TEL: \"BusinessPhone\" is not a phone number; skipped", "line 11 TEL: \"HomePhone\" is not a phone number; skipped", "line 12 TEL: \"MobilePhone\" is not a phone number; skipped", "line 13 TEL: \"BusinessFaxPhone\" is not a phone number; skipped"], firstName: "John", lastName: "Doe", nickname: "Joey", prefix: "Mr.", suffix: "III", notes: "This is the note field!!\nSecond line\n\nThird line is empty" },
  ],
  "ezvcard__outlook-2007.vcf": [
    { line: 1, name: "Mr. Michael Angstadt Jr.", company: "TheCompany", title: "TheJobTitle", location: "New York, NY, USA", birthday: "1922-03-10", emails: ["other:mike.angstadt@gmail.com"], phones: ["work:(111) 555-1111", "home:(111) 555-2222", "mobile:(111) 555-4444", "work fax:(111) 555-3333"], urls: ["home:http://mikeangstadt.name"], photo: "image/jpeg 2324", kept: ["ORG", "X-MS-TEL", "ADR", "LABEL", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "ROLE", "X-MS-ANNIVERSARY", "KEY", "X-MS-IMADDRESS", "X-MS-OL-DESIGN", "X-MS-MANAGER", "X-MS-ASSISTANT", "X-MS-SPOUSE", "FBURL"], firstName: "Michael", lastName: "Angstadt", nickname: "Mike", prefix: "Mr.", suffix: "Jr.", notes: "This is the NOTE field\t\nI assume it encodes this text inside" },
  ],
  "ezvcard__rfc2426-example.vcf": [
    { line: 1, name: "Frank Dawson", company: "Lotus Development Corporation", location: "Raleigh, NC, U.S.A.", emails: ["other:frank_dawson@lotus.com", "other:fdawson@earthlink.net"], phones: ["work:+1-919-676-9515", "fax work:+1-919-676-9564"], urls: ["other:http://home.earthlink.net/~fdawson"], kept: ["ADR"] },
    { line: 13, name: "Tim Howes", company: "Netscape Communications Corp.", location: "Mountain View, CA, U.S.A.", emails: ["other:howes@netscape.com"], phones: ["work:+1-415-937-3419", "fax work:+1-415-528-4164"], kept: ["ADR"] },
  ],
  "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf": [
    { line: 1, name: "John Doe", company: "TheOrganization", title: "TheTitle", location: "New York, NY, USA", birthday: "1970-09-21", emails: ["other:doe.john@hotmail.com", "other:additional-email@company.com", "other:additional-email1@company.com", "other:additional-email2@company.com", "other:additional-email3@company.com"], phones: ["work:555-555-1111", "home:555-555-2222", "mobile:555-555-5555", "fax:555-555-3333", "pager:555-555-4444"], urls: ["home:http://www.private-webpage.com", "work:http://www.work-webpage.com"], tags: ["category1, category2, category3"], photo: "image/jpeg 8940", kept: ["ORG", "ADR", "ADR", "X-SPOUSE", "X-ANNIVERSARY"], firstName: "John", lastName: "Doe", nickname: "Johnny", notes: "This is the notes field.\nSecond Line\n\nFourth Line\nYou can pu" },
  ],
  "ezvcard__xcard-rfc6351-example.xml": { error: "ezvcard__xcard-rfc6351-example.xml, line 1: this is an XML file (xCard); export the contacts as vCard (.vcf) or CSV instead" },
  "icaljs__escape_semicolon.vcf": [
    { line: 1, name: "First Last NextCloud", company: "Firma", location: "City, AL, Germany", birthday: "2019-02-10", emails: ["home:home@gmx.de", "work:work@gmx.de"], phones: ["home:11111111", "mobile:205333", "work:222222"], tags: ["Test-Kontakte"], kept: ["UID", "ADR", "ADR", "ITEM1.X-ABDATE", "X-ANNIVERSARY", "ITEM1.X-ABLABEL"], warnings: ["line 13 TEL: \"205246;;,;\" is not a phone number; skipped"], nickname: "Hugo" },
  ],
  "icaljs__vcard3.vcf": [
    { line: 1, name: "Mr. John Q. Public, Esq.", company: "ABC, Inc.", title: "Director, Research and Development", location: "Any Town, CA", birthday: "1996-04-15", emails: ["other:jane_doe@abc.com", "other:jqpublic@xyz.dom1.com", "other:jdoe@isp.net"], phones: ["work:+1-213-555-1234"], tags: ["TRAVEL AGENT", "INTERNET", "IETF", "INDUSTRY", "INFORMATION TECHNOLOGY"], kept: ["N", "NICKNAME", "PHOTO", "BDAY", "BDAY", "ADR", "LABEL", "MAILER", "TZ", "TZ", "GEO", "ROLE", "LOGO", "LOGO", "AGENT", "AGENT", "ORG", "SORT-STRING", "SOUND", "SOUND", "CLASS", "CLASS", "CLASS", "KEY"], warnings: ["line 10 PHOTO: is not a JPEG, PNG, GIF or WebP image; the picture was skipped"], firstName: "John", middleName: "Quinlan", lastName: "Public", nickname: "Robbie", prefix: "Mr.", suffix: "Esq.", notes: "This fax number is operational 0800 to 1715 EST, Mon-Fri." },
  ],
  "icaljs__vcard_grouped.vcf": [
    { line: 1, rejected: "the card has no name (FN, N, NICKNAME or ORG)" },
  ],
  "nodevcf__empty-lines.vcf": [
    { line: 1, name: "Dr. Erika Mustermann", company: "Wikimedia", title: "Redaktion & Gestaltung", location: "Köln, Germany", emails: ["other:erika@mustermann.de"], phones: ["work:+49 221 9999123", "home:+49 221 1234567"], urls: ["other:http://de.wikipedia.org/"], kept: ["ROLE", "PHOTO", "ADR"], firstName: "Erika", lastName: "Mustermann", prefix: "Dr." },
  ],
  "nodevcf__vcard-2.1-version-not-first.vcf": [
    { line: 1, name: "Forrest Gump", company: "Bubba Gump Shrimp Co.", title: "Shrimp Man", location: "Baytown, LA, United States of America", emails: ["other:forrestgump@example.com"], phones: ["work:(111) 555-1212", "home:(404) 555-1212"], kept: ["PHOTO", "ADR", "LABEL", "ADR", "LABEL"], firstName: "Forrest", lastName: "Gump" },
  ],
  "nodevcf__xing.vcf": [
    { line: 1, name: "Hans-Peter Mustermann", company: "Example GmbH", title: "CTO", location: "City Name, Country", urls: ["work:http://www.example.com"], tags: ["Consulting"], kept: ["SORT-STRING", "CLASS", "ADR", "ADR", "PHOTO", "UID"], firstName: "Hans-Peter", lastName: "Mustermann", notes: "17.02.2016, 19:18 - XING - http://www.xing.com/profile/Hans-" },
  ],
  "sabrevobject__issue64_v21_photo_blankline.vcf": [
    { line: 1, rejected: "the card has no name (FN, N, NICKNAME or ORG)" },
  ],
};

const CSV: Record<string, Summary[] | { error: string }> = {
  "google__contacts_current_format.csv": [
    { line: 2, name: "Rosa Zhang", company: "Wayne Enterprises", title: "Data Scientist", birthday: "--04-25", emails: ["work:rosa0@example.org", "home:home0@example.net"], phones: ["mobile:+1 555 0100", "mobile:+44 20 7946 0000"], tags: ["Conference 2025"], firstName: "Rosa", lastName: "Zhang" },
    { line: 3, name: "Quentin Yilmaz", company: "Hooli", title: "Investor", emails: ["work:quentin1@example.org", "home:home1@example.net"], phones: ["mobile:+1 555 0101"], urls: ["linkedin:https://www.linkedin.com/in/quentin-yilmaz-2201"], firstName: "Quentin", lastName: "Yilmaz", notes: "Prefers \"Signal\" over email" },
    { line: 4, name: "Jürgen Petrov", company: "Vandelay Industries", title: "CFO", birthday: "--06-13", emails: ["work:jrgen2@example.org", "home:home2@example.net"], phones: ["mobile:+1 555 0102"], tags: ["Mentors"], firstName: "Jürgen", lastName: "Petrov", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 6, name: "Yusuf Schmidt", company: "Zenith 🚀 Labs", title: "Data Scientist", birthday: "--06-12", emails: ["other:yusuf3@example.org"], phones: ["mobile:+1 555 0103"], urls: ["linkedin:https://www.linkedin.com/in/yusuf-schmidt-2203"], tags: ["Mentors"], firstName: "Yusuf", lastName: "Schmidt" },
    { line: 7, name: "Eun-ji Álvarez", company: "Acme Robotics", title: "Product Manager", birthday: "1979-01-14", emails: ["work:eun-ji4@example.org", "home:home4@example.net"], phones: ["mobile:+1 555 0104"], tags: ["Mentors"], firstName: "Eun-ji", lastName: "Álvarez", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 9, name: "Priya Schmidt", company: "Blue Sun | Logistics", title: "Community Lead", birthday: "--03-21", emails: ["work:priya5@example.org", "home:home5@example.net"], phones: ["mobile:+1 555 0105", "mobile:+44 20 7946 0005"], urls: ["linkedin:https://www.linkedin.com/in/priya-schmidt-2205"], tags: ["Conference 2025"], firstName: "Priya", lastName: "Schmidt", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 11, name: "Farah Álvarez", company: "Acme Robotics", title: "Recruiter", emails: ["other:farah6@example.org"], phones: ["mobile:+1 555 0106"], tags: ["Conference 2025"], firstName: "Farah", lastName: "Álvarez", notes: "Prefers \"Signal\" over email" },
    { line: 12, name: "Ismail Nakamura", company: "Blue Sun | Logistics", birthday: "1993-11-09", emails: ["other:ismail7@example.org"], phones: ["mobile:+1 555 0107"], urls: ["linkedin:https://www.linkedin.com/in/ismail-nakamura-2207"], firstName: "Ismail", lastName: "Nakamura" },
    { line: 13, name: "Ana Ivanova", company: "Hooli", title: "Community Lead", birthday: "--12-01", emails: ["other:ana8@example.org"], phones: ["mobile:+1 555 0108"], firstName: "Ana", lastName: "Ivanova", notes: "Prefers \"Signal\" over email" },
    { line: 14, name: "Uma Berg", company: "Cyberdyne Systems", title: "Designer", birthday: "--04-27", emails: ["other:uma9@example.org"], phones: ["mobile:+1 555 0109"], urls: ["linkedin:https://www.linkedin.com/in/uma-berg-2209"], firstName: "Uma", lastName: "Berg", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 16, name: "Ismail van der Berg", title: "Community Lead", birthday: "1988-03-01", emails: ["work:ismail10@example.org", "home:home10@example.net"], phones: ["mobile:+1 555 0110", "mobile:+44 20 7946 0010"], firstName: "Ismail", lastName: "van der Berg", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 18, name: "Ximena van der Berg", company: "Initech", title: "CFO", birthday: "--11-07", emails: ["other:ximena11@example.org"], phones: ["mobile:+1 555 0111"], urls: ["linkedin:https://www.linkedin.com/in/ximena-van-der-berg-2211"], tags: ["Mentors"], firstName: "Ximena", lastName: "van der Berg" },
    { line: 19, name: "Priya Ivanova", company: "Blue Sun | Logistics", title: "Software Engineer", emails: ["other:priya12@example.org"], phones: ["mobile:+1 555 0112"], tags: ["Conference 2025"], firstName: "Priya", lastName: "Ivanova", notes: "Prefers \"Signal\" over email" },
    { line: 20, name: "Zoë Fernández", company: "Stripe, Inc.", birthday: "1994-11-25", emails: ["work:zo13@example.org", "home:home13@example.net"], phones: ["mobile:+1 555 0113"], urls: ["linkedin:https://www.linkedin.com/in/zo%C3%AB-fern%C3%A1ndez-2213"], tags: ["Mentors"], firstName: "Zoë", lastName: "Fernández", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 22, name: "Siobhán Tanaka", company: "Hooli", title: "CFO", birthday: "--01-04", emails: ["other:siobhn14@example.org"], phones: ["mobile:+1 555 0114"], tags: ["Conference 2025"], firstName: "Siobhán", lastName: "Tanaka" },
    { line: 23, name: "Tomás Xu", company: "Wayne Enterprises", title: "Community Lead", emails: ["other:toms15@example.org"], phones: ["mobile:+1 555 0115", "mobile:+44 20 7946 0015"], urls: ["linkedin:https://www.linkedin.com/in/tom%C3%A1s-xu-2215"], firstName: "Tomás", lastName: "Xu", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 25, name: "Yusuf López", company: "Soylent Foods", title: "Software Engineer", emails: ["other:yusuf16@example.org"], phones: ["mobile:+1 555 0116"], tags: ["Conference 2025"], firstName: "Yusuf", lastName: "López", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 27, name: "Jürgen García", company: "Umbrella Health", title: "CFO", birthday: "1992-04-04", emails: ["other:jrgen17@example.org"], phones: ["mobile:+1 555 0117"], urls: ["linkedin:https://www.linkedin.com/in/j%C3%BCrgen-garc%C3%ADa-2217"], firstName: "Jürgen", lastName: "García", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 29, name: "Zoë van der Berg", company: "Initech", title: "Head of Partnerships", birthday: "--03-24", emails: ["work:zo18@example.org", "home:home18@example.net"], phones: ["mobile:+1 555 0118"], tags: ["Mentors"], firstName: "Zoë", lastName: "van der Berg", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 31, name: "Dmitri Jensen", company: "Hooli", title: "Recruiter", emails: ["other:dmitri19@example.org"], phones: ["mobile:+1 555 0119"], urls: ["linkedin:https://www.linkedin.com/in/dmitri-jensen-2219"], firstName: "Dmitri", lastName: "Jensen", notes: "Prefers \"Signal\" over email" },
    { line: 32, name: "Nnamdi García", company: "Tyrell Corp", title: "Founder & CEO", birthday: "1985-03-05", emails: ["other:nnamdi20@example.org"], phones: ["mobile:+1 555 0120", "mobile:+44 20 7946 0020"], tags: ["Mentors"], firstName: "Nnamdi", lastName: "García", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 34, name: "Dmitri Smith, Jr.", title: "Staff Engineer | Platform", emails: ["other:dmitri21@example.org"], phones: ["mobile:+1 555 0121"], urls: ["linkedin:https://www.linkedin.com/in/dmitri-smith-jr.-2221"], tags: ["Mentors"], firstName: "Dmitri", lastName: "Smith, Jr.", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 36, name: "Zoë Quispe", company: "Zenith 🚀 Labs", title: "Staff Engineer | Platform", emails: ["other:zo22@example.org"], phones: ["mobile:+1 555 0122"], firstName: "Zoë", lastName: "Quispe" },
    { line: 37, name: "Ximena Yilmaz", company: "Stripe, Inc.", title: "Designer", birthday: "--10-01", emails: ["work:ximena23@example.org", "home:home23@example.net"], phones: ["mobile:+1 555 0123"], urls: ["linkedin:https://www.linkedin.com/in/ximena-yilmaz-2223"], firstName: "Ximena", lastName: "Yilmaz", notes: "Met at PyCon.\nIntroduced by Farah." },
    { line: 39, name: "Siobhán Eriksson", company: "Hooli", title: "Investor", birthday: "--05-18", emails: ["other:siobhn24@example.org"], phones: ["mobile:+1 555 0124"], tags: ["Conference 2025"], firstName: "Siobhán", lastName: "Eriksson" },
  ],
  "labeldekho__Connections_synthetic_reordered_cols.csv": [
    { line: 6, name: "Alice Johnson", company: "TechCorp", title: "CTO", metOn: "2023-01-15", emails: ["other:alice.johnson@techcorp.com"], urls: ["linkedin:https://linkedin.com/in/alicejohnson"], firstName: "Alice", lastName: "Johnson" },
    { line: 7, name: "Bob Williams", company: "StartupXYZ", title: "Founder", metOn: "2023-03-20", emails: ["other:bob@startupxyz.com"], urls: ["linkedin:https://linkedin.com/in/bobwilliams"], firstName: "Bob", lastName: "Williams" },
    { line: 8, name: "Carol Davis", company: "BigCo", title: "VP Engineering", metOn: "2023-05-10", urls: ["linkedin:https://linkedin.com/in/caroldavis"], firstName: "Carol", lastName: "Davis" },
    { line: 9, name: "David Brown", company: "Anthropic", title: "Engineer", metOn: "2023-07-25", emails: ["other:david.b@anthropic.com"], urls: ["linkedin:https://linkedin.com/in/davidbrown"], firstName: "David", lastName: "Brown" },
    { line: 10, name: "Eve Wilson", company: "Consulting Partners", title: "Principal", metOn: "2023-09-01", emails: ["other:eve@consulting.io"], urls: ["linkedin:https://linkedin.com/in/evewilson"], firstName: "Eve", lastName: "Wilson" },
    { line: 11, name: "Frank Miller", company: "Google", title: "Staff Engineer", metOn: "2023-11-15", urls: ["linkedin:https://linkedin.com/in/frankmiller"], firstName: "Frank", lastName: "Miller" },
    { line: 12, name: "Grace Lee", company: "Meta", title: "Engineering Manager", metOn: "2023-12-20", emails: ["other:grace.lee@meta.com"], urls: ["linkedin:https://linkedin.com/in/gracelee"], firstName: "Grace", lastName: "Lee" },
    { line: 13, name: "Henry Taylor", company: "Amazon", title: "Senior SDE", metOn: "2024-01-05", urls: ["linkedin:https://linkedin.com/in/henrytaylor"], firstName: "Henry", lastName: "Taylor" },
    { line: 14, name: "Ivy Martinez", company: "Stealth Startup", title: "Co-founder", metOn: "2024-02-10", emails: ["other:ivy@startup.co"], urls: ["linkedin:https://linkedin.com/in/ivymartinez"], firstName: "Ivy", lastName: "Martinez" },
    { line: 15, name: "Jack Anderson", company: "OpenAI", title: "Research Scientist", metOn: "2024-03-25", emails: ["other:jack.a@openai.com"], urls: ["linkedin:https://linkedin.com/in/jackanderson"], firstName: "Jack", lastName: "Anderson" },
  ],
  "labeldekho__Messages_synthetic.csv": { error: "labeldekho__Messages_synthetic.csv, line 1: this is LinkedIn's messages.csv; import Connections.csv from the same archive to bring in your contacts" },
  "linkedin__Connections_current_layout.csv": [
    { line: 5, name: "O'Neil Álvarez", company: "Soylent Foods", title: "Recruiter", metOn: "2010-04-18", urls: ["linkedin:https://www.linkedin.com/in/oneil-%C3%A1lvarez-1000"], firstName: "O'Neil", lastName: "Álvarez" },
    { line: 6, name: "Farah van der Berg", company: "Blue Sun | Logistics", title: "Staff Engineer | Platform", metOn: "2023-05-04", urls: ["linkedin:https://www.linkedin.com/in/farah-van-der-berg-1001"], firstName: "Farah", lastName: "van der Berg" },
    { line: 7, name: "Bjørn Tanaka", company: "Acme Robotics", title: "Investor", metOn: "2010-05-21", urls: ["linkedin:https://www.linkedin.com/in/bj%C3%B8rn-tanaka-1002"], firstName: "Bjørn", lastName: "Tanaka" },
    { line: 8, name: "Jürgen Xu", company: "Globex", title: "Founder & CEO", metOn: "2011-10-06", urls: ["linkedin:https://www.linkedin.com/in/j%C3%BCrgen-xu-1003"], firstName: "Jürgen", lastName: "Xu" },
    { line: 9, name: "Nnamdi van der Berg", company: "Umbrella Health", title: "Community Lead", metOn: "2020-04-25", urls: ["linkedin:https://www.linkedin.com/in/nnamdi-van-der-berg-1004"], firstName: "Nnamdi", lastName: "van der Berg" },
    { line: 10, name: "Ismail Yilmaz", company: "Tyrell Corp", title: "Investor", metOn: "2019-01-11", urls: ["linkedin:https://www.linkedin.com/in/ismail-yilmaz-1005"], firstName: "Ismail", lastName: "Yilmaz" },
    { line: 11, rejected: "the row has no name (LinkedIn lists hidden or deleted members this way)" },
    { line: 12, name: "Ximena Okafor", company: "Northwind Traders", title: "Product Manager", metOn: "2023-12-04", urls: ["linkedin:https://www.linkedin.com/in/ximena-okafor-1006"], firstName: "Ximena", lastName: "Okafor" },
    { line: 13, name: "Nnamdi Okafor", company: "Initech", title: "Designer", metOn: "2015-01-15", urls: ["linkedin:https://www.linkedin.com/in/nnamdi-okafor-1007"], firstName: "Nnamdi", lastName: "Okafor" },
    { line: 14, name: "Chloé Dubois", company: "Northwind Traders", title: "Investor", metOn: "2026-07-22", emails: ["other:chlo.8@example.com"], urls: ["linkedin:https://www.linkedin.com/in/chlo%C3%A9-dubois-1008"], firstName: "Chloé", lastName: "Dubois" },
    { line: 15, name: "Zoë Kowalski", company: "Globex", title: "Designer", metOn: "2023-12-19", urls: ["linkedin:https://www.linkedin.com/in/zo%C3%AB-kowalski-1009"], firstName: "Zoë", lastName: "Kowalski" },
    { line: 16, name: "Siobhán Jensen", company: "Umbrella Health", title: "Head of Partnerships", metOn: "2011-03-01", emails: ["other:siobhn.10@example.com"], urls: ["linkedin:https://www.linkedin.com/in/siobh%C3%A1n-jensen-1010"], firstName: "Siobhán", lastName: "Jensen" },
    { line: 17, name: "Yusuf Ivanova", company: "Hooli", title: "Staff Engineer | Platform", metOn: "2022-05-12", urls: ["linkedin:https://www.linkedin.com/in/yusuf-ivanova-1011"], firstName: "Yusuf", lastName: "Ivanova" },
    { line: 18, name: "Chloé Hoffmann", company: "Wayne Enterprises", title: "Staff Engineer | Platform", metOn: "2023-07-12", urls: ["linkedin:https://www.linkedin.com/in/chlo%C3%A9-hoffmann-1012"], firstName: "Chloé", lastName: "Hoffmann" },
    { line: 19, name: "Wei Tanaka", company: "Vandelay Industries", metOn: "2012-09-27", emails: ["other:wei.13@example.com"], urls: ["linkedin:https://www.linkedin.com/in/wei-tanaka-1013"], firstName: "Wei", lastName: "Tanaka" },
    { line: 20, name: "Farah Yilmaz", company: "Stripe, Inc.", title: "Software Engineer", metOn: "2019-05-16", urls: ["linkedin:https://www.linkedin.com/in/farah-yilmaz-1014"], firstName: "Farah", lastName: "Yilmaz" },
    { line: 21, name: "Nnamdi van der Berg", company: "Acme Robotics", title: "Data Scientist", metOn: "2015-04-08", urls: ["linkedin:https://www.linkedin.com/in/nnamdi-van-der-berg-1015"], firstName: "Nnamdi", lastName: "van der Berg" },
    { line: 22, name: "Siobhán Berg", company: "Wayne Enterprises", title: "CFO", metOn: "2024-01-01", urls: ["linkedin:https://www.linkedin.com/in/siobh%C3%A1n-berg-1016"], firstName: "Siobhán", lastName: "Berg" },
    { line: 23, name: "Dmitri Berg", company: "Globex", title: "Founder & CEO", metOn: "2018-01-21", urls: ["linkedin:https://www.linkedin.com/in/dmitri-berg-1017"], firstName: "Dmitri", lastName: "Berg" },
    { line: 24, name: "Tomás López", company: "Cyberdyne Systems", title: "Product Manager", metOn: "2010-02-11", urls: ["linkedin:https://www.linkedin.com/in/tom%C3%A1s-l%C3%B3pez-1018"], firstName: "Tomás", lastName: "López" },
    { line: 25, name: "Olga Müller", company: "Blue Sun | Logistics", title: "Investor", metOn: "2025-04-28", urls: ["linkedin:https://www.linkedin.com/in/olga-m%C3%BCller-1019"], firstName: "Olga", lastName: "Müller" },
    { line: 26, name: "Kavya Xu", company: "Tyrell Corp", title: "Recruiter", metOn: "2021-11-27", urls: ["linkedin:https://www.linkedin.com/in/kavya-xu-1020"], firstName: "Kavya", lastName: "Xu" },
    { line: 27, name: "O'Neil Petrov", company: "Vandelay Industries", metOn: "2019-08-24", urls: ["linkedin:https://www.linkedin.com/in/oneil-petrov-1021"], firstName: "O'Neil", lastName: "Petrov" },
    { line: 28, name: "Ana Zhang", company: "Cyberdyne Systems", title: "Data Scientist", metOn: "2012-10-22", urls: ["linkedin:https://www.linkedin.com/in/ana-zhang-1022"], firstName: "Ana", lastName: "Zhang" },
    { line: 29, rejected: "the row has no name (LinkedIn lists hidden or deleted members this way)" },
    { line: 30, name: "Zoë Wójcik", company: "Vandelay Industries", title: "Software Engineer", metOn: "2020-01-04", urls: ["linkedin:https://www.linkedin.com/in/zo%C3%AB-w%C3%B3jcik-1023"], firstName: "Zoë", lastName: "Wójcik" },
    { line: 31, name: "Mateo Schmidt", company: "Northwind Traders", title: "CFO", metOn: "2022-03-18", urls: ["linkedin:https://www.linkedin.com/in/mateo-schmidt-1024"], firstName: "Mateo", lastName: "Schmidt" },
    { line: 32, name: "Mateo Quispe", company: "Globex", title: "CFO", metOn: "2014-06-09", urls: ["linkedin:https://www.linkedin.com/in/mateo-quispe-1025"], firstName: "Mateo", lastName: "Quispe" },
    { line: 33, name: "Quentin Eriksson", company: "Vandelay Industries", title: "Product Manager", metOn: "2021-01-11", urls: ["linkedin:https://www.linkedin.com/in/quentin-eriksson-1026"], firstName: "Quentin", lastName: "Eriksson" },
    { line: 34, name: "Priya Smith, Jr.", company: "Wayne Enterprises", metOn: "2019-07-26", urls: ["linkedin:https://www.linkedin.com/in/priya-smith-jr.-1027"], firstName: "Priya", lastName: "Smith, Jr." },
    { line: 35, name: "Siobhán Zhang", company: "Umbrella Health", title: "Designer", metOn: "2009-06-07", urls: ["linkedin:https://www.linkedin.com/in/siobh%C3%A1n-zhang-1028"], firstName: "Siobhán", lastName: "Zhang" },
    { line: 36, name: "Ana Dubois", company: "Wayne Enterprises", title: "Community Lead", metOn: "2017-03-23", urls: ["linkedin:https://www.linkedin.com/in/ana-dubois-1029"], firstName: "Ana", lastName: "Dubois" },
    { line: 37, name: "Viktor Jensen", company: "Northwind Traders", title: "Software Engineer", metOn: "2010-09-13", urls: ["linkedin:https://www.linkedin.com/in/viktor-jensen-1030"], firstName: "Viktor", lastName: "Jensen" },
    { line: 38, name: "Tomás Jensen", company: "Vandelay Industries", title: "Investor", metOn: "2010-06-12", urls: ["linkedin:https://www.linkedin.com/in/tom%C3%A1s-jensen-1031"], firstName: "Tomás", lastName: "Jensen" },
    { line: 39, name: "Chloé López", company: "Initech", title: "Designer", metOn: "2015-06-26", urls: ["linkedin:https://www.linkedin.com/in/chlo%C3%A9-l%C3%B3pez-1032"], firstName: "Chloé", lastName: "López" },
    { line: 40, rejected: "the row has no name (LinkedIn lists hidden or deleted members this way)" },
    { line: 41, name: "Eun-ji van der Berg", company: "Tyrell Corp", title: "VP, Sales", metOn: "2021-09-03", urls: ["linkedin:https://www.linkedin.com/in/eun-ji-van-der-berg-1033"], firstName: "Eun-ji", lastName: "van der Berg" },
    { line: 42, name: "Dmitri Petrov", company: "Hooli", title: "Head of Partnerships", metOn: "2015-08-25", urls: ["linkedin:https://www.linkedin.com/in/dmitri-petrov-1034"], firstName: "Dmitri", lastName: "Petrov" },
    { line: 43, name: "Uma Eriksson", company: "Stripe, Inc.", title: "Product Manager", metOn: "2012-04-11", urls: ["linkedin:https://www.linkedin.com/in/uma-eriksson-1035"], firstName: "Uma", lastName: "Eriksson" },
    { line: 44, name: "Kavya Petrov", company: "Initech", title: "Community Lead", metOn: "2012-09-09", urls: ["linkedin:https://www.linkedin.com/in/kavya-petrov-1036"], firstName: "Kavya", lastName: "Petrov" },
    { line: 45, name: "Nnamdi Zhang", company: "Zenith 🚀 Labs", title: "Head of Partnerships", metOn: "2015-09-12", urls: ["linkedin:https://www.linkedin.com/in/nnamdi-zhang-1037"], firstName: "Nnamdi", lastName: "Zhang" },
    { line: 46, name: "Ismail Schmidt", company: "Blue Sun | Logistics", metOn: "2013-07-12", urls: ["linkedin:https://www.linkedin.com/in/ismail-schmidt-1038"], firstName: "Ismail", lastName: "Schmidt" },
    { line: 47, name: "Rosa Dubois", company: "Soylent Foods", title: "Product Manager", metOn: "2025-06-02", urls: ["linkedin:https://www.linkedin.com/in/rosa-dubois-1039"], firstName: "Rosa", lastName: "Dubois" },
    { line: 48, name: "Ana Zhang", company: "Acme Robotics", title: "Investor", metOn: "2017-11-02", urls: ["linkedin:https://www.linkedin.com/in/ana-zhang-1040"], firstName: "Ana", lastName: "Zhang" },
    { line: 49, name: "Jürgen García", company: "Acme Robotics", title: "Investor", metOn: "2020-08-28", urls: ["linkedin:https://www.linkedin.com/in/j%C3%BCrgen-garc%C3%ADa-1041"], firstName: "Jürgen", lastName: "García" },
    { line: 50, name: "Farah Zhang", metOn: "2019-10-04", emails: ["other:farah.42@example.com"], urls: ["linkedin:https://www.linkedin.com/in/farah-zhang-1042"], firstName: "Farah", lastName: "Zhang" },
    { line: 51, name: "Chloé Quispe", company: "Soylent Foods", title: "Recruiter", metOn: "2012-06-17", emails: ["other:chlo.43@example.com"], urls: ["linkedin:https://www.linkedin.com/in/chlo%C3%A9-quispe-1043"], firstName: "Chloé", lastName: "Quispe" },
    { line: 52, name: "Gustavo Ueda", company: "Hooli", title: "VP, Sales", metOn: "2016-11-06", urls: ["linkedin:https://www.linkedin.com/in/gustavo-ueda-1044"], firstName: "Gustavo", lastName: "Ueda" },
    { line: 53, name: "Priya Hoffmann", company: "Umbrella Health", title: "VP, Sales", metOn: "2020-11-13", emails: ["other:priya.45@example.com"], urls: ["linkedin:https://www.linkedin.com/in/priya-hoffmann-1045"], firstName: "Priya", lastName: "Hoffmann" },
    { line: 54, name: "Bjørn Nakamura", company: "Wayne Enterprises", title: "Founder & CEO", metOn: "2014-11-26", urls: ["linkedin:https://www.linkedin.com/in/bj%C3%B8rn-nakamura-1046"], firstName: "Bjørn", lastName: "Nakamura" },
    { line: 55, name: "O'Neil Yilmaz", company: "Blue Sun | Logistics", title: "VP, Sales", metOn: "2018-05-02", urls: ["linkedin:https://www.linkedin.com/in/oneil-yilmaz-1047"], firstName: "O'Neil", lastName: "Yilmaz" },
    { line: 56, name: "Tomás van der Berg", company: "Northwind Traders", title: "Designer", metOn: "2016-04-26", urls: ["linkedin:https://www.linkedin.com/in/tom%C3%A1s-van-der-berg-1048"], firstName: "Tomás", lastName: "van der Berg" },
    { line: 57, name: "Mateo Zhang", company: "Hooli", title: "Data Scientist", metOn: "2016-05-15", urls: ["linkedin:https://www.linkedin.com/in/mateo-zhang-1049"], firstName: "Mateo", lastName: "Zhang" },
    { line: 58, name: "O'Neil Ueda", company: "Umbrella Health", title: "Head of Partnerships", metOn: "2017-01-04", urls: ["linkedin:https://www.linkedin.com/in/oneil-ueda-1050"], firstName: "O'Neil", lastName: "Ueda" },
    { line: 59, name: "Zoë Yilmaz", company: "Soylent Foods", title: "CFO", metOn: "2026-08-22", urls: ["linkedin:https://www.linkedin.com/in/zo%C3%AB-yilmaz-1051"], firstName: "Zoë", lastName: "Yilmaz" },
    { line: 60, name: "Uma Jensen", title: "Founder & CEO", metOn: "2018-08-21", urls: ["linkedin:https://www.linkedin.com/in/uma-jensen-1052"], firstName: "Uma", lastName: "Jensen" },
    { line: 61, name: "Yusuf Álvarez", company: "Tyrell Corp", title: "VP, Sales", metOn: "2024-10-10", urls: ["linkedin:https://www.linkedin.com/in/yusuf-%C3%A1lvarez-1053"], firstName: "Yusuf", lastName: "Álvarez" },
    { line: 62, name: "Uma Okafor", company: "Umbrella Health", title: "Recruiter", metOn: "2009-11-24", emails: ["other:uma.54@example.com"], urls: ["linkedin:https://www.linkedin.com/in/uma-okafor-1054"], firstName: "Uma", lastName: "Okafor" },
    { line: 63, name: "Farah López", company: "Zenith 🚀 Labs", title: "Head of Partnerships", metOn: "2015-03-11", urls: ["linkedin:https://www.linkedin.com/in/farah-l%C3%B3pez-1055"], firstName: "Farah", lastName: "López" },
    { line: 64, name: "Ximena van der Berg", company: "Wayne Enterprises", title: "Data Scientist", metOn: "2021-11-13", urls: ["linkedin:https://www.linkedin.com/in/ximena-van-der-berg-1056"], firstName: "Ximena", lastName: "van der Berg" },
    { line: 65, name: "O'Neil Tanaka", company: "Blue Sun | Logistics", title: "Recruiter", metOn: "2016-10-28", urls: ["linkedin:https://www.linkedin.com/in/oneil-tanaka-1057"], firstName: "O'Neil", lastName: "Tanaka" },
    { line: 66, name: "Quentin Jensen", company: "Zenith 🚀 Labs", title: "Software Engineer", metOn: "2017-11-12", emails: ["other:quentin.58@example.com"], urls: ["linkedin:https://www.linkedin.com/in/quentin-jensen-1058"], firstName: "Quentin", lastName: "Jensen" },
    { line: 67, name: "Jürgen van der Berg", company: "Wayne Enterprises", title: "Software Engineer", metOn: "2018-04-26", urls: ["linkedin:https://www.linkedin.com/in/j%C3%BCrgen-van-der-berg-1059"], firstName: "Jürgen", lastName: "van der Berg" },
    { line: 68, name: "Jürgen Xu", company: "Globex", title: "Founder & CEO", metOn: "2011-10-06", urls: ["linkedin:https://www.linkedin.com/in/j%C3%BCrgen-xu-1003"], firstName: "Jürgen", lastName: "Xu" },
  ],
  "outlook__outlook_com_export.csv": [
    { line: 2, name: "Rosa García", company: "Blue Sun | Logistics", location: "São Paulo", birthday: "1991-04-03", emails: ["other:contact1500@example.com"], phones: ["mobile:+49 30 90182000"], urls: ["work:https://www.linkedin.com/in/rosa-garc%C3%ADa-2500"], firstName: "Rosa", lastName: "García", notes: "Follow up after the offsite" },
    { line: 3, name: "Ximena Ivanova", company: "Zenith 🚀 Labs", title: "Software Engineer", birthday: "1977-09-08", emails: ["other:contact1501@example.com"], phones: ["mobile:+49 30 90182001"], firstName: "Ximena", lastName: "Ivanova" },
    { line: 4, name: "Farah Chen", company: "Tyrell Corp", title: "Founder & CEO", location: "Montréal", birthday: "1976-12-07", emails: ["other:contact1502@example.com"], phones: ["mobile:+49 30 90182002"], firstName: "Farah", lastName: "Chen" },
    { line: 5, name: "Bjørn Yilmaz", company: "Zenith 🚀 Labs", title: "Software Engineer", location: "Zürich", emails: ["other:contact1503@example.com"], phones: ["mobile:+49 30 90182003"], urls: ["work:https://www.linkedin.com/in/bj%C3%B8rn-yilmaz-2503"], firstName: "Bjørn", lastName: "Yilmaz" },
    { line: 6, name: "Gustavo Chen", company: "Blue Sun | Logistics", title: "Recruiter", location: "Berlin", birthday: "1985-08-03", emails: ["other:contact1504@example.com"], phones: ["mobile:+49 30 90182004"], firstName: "Gustavo", lastName: "Chen", notes: "Follow up after the offsite" },
    { line: 7, name: "Rosa Quispe", company: "Soylent Foods", title: "Head of Partnerships", emails: ["other:contact1505@example.com"], phones: ["mobile:+49 30 90182005"], firstName: "Rosa", lastName: "Quispe" },
    { line: 8, name: "Tomás Zhang", company: "Umbrella Health", title: "Staff Engineer | Platform", location: "Zürich", birthday: "1989-07-14", emails: ["other:contact1506@example.com"], phones: ["mobile:+49 30 90182006"], urls: ["work:https://www.linkedin.com/in/tom%C3%A1s-zhang-2506"], firstName: "Tomás", lastName: "Zhang" },
    { line: 9, name: "Ximena Tanaka", company: "Tyrell Corp", title: "Head of Partnerships", location: "São Paulo", birthday: "1987-11-26", emails: ["other:contact1507@example.com"], phones: ["mobile:+49 30 90182007"], firstName: "Ximena", lastName: "Tanaka" },
    { line: 10, name: "Priya Ueda", company: "Soylent Foods", title: "Investor", location: "Montréal", birthday: "1990-01-22", emails: ["other:contact1508@example.com"], phones: ["mobile:+49 30 90182008"], firstName: "Priya", lastName: "Ueda", notes: "Follow up after the offsite" },
    { line: 11, name: "Bjørn Xu", company: "Stripe, Inc.", title: "Community Lead", location: "Zürich", birthday: "1980-06-06", emails: ["other:contact1509@example.com"], phones: ["mobile:+49 30 90182009"], urls: ["work:https://www.linkedin.com/in/bj%C3%B8rn-xu-2509"], firstName: "Bjørn", lastName: "Xu" },
    { line: 12, name: "Yusuf Jensen", company: "Soylent Foods", title: "Software Engineer", location: "Zürich", birthday: "1984-07-01", emails: ["other:contact1510@example.com"], phones: ["mobile:+49 30 90182010"], firstName: "Yusuf", lastName: "Jensen" },
    { line: 13, name: "Olga Ivanova", company: "Tyrell Corp", title: "Staff Engineer | Platform", location: "Zürich", birthday: "1981-09-07", emails: ["other:contact1511@example.com"], phones: ["mobile:+49 30 90182011"], firstName: "Olga", lastName: "Ivanova" },
    { line: 14, name: "Mateo Eriksson", company: "Vandelay Industries", title: "Staff Engineer | Platform", location: "Montréal", emails: ["other:contact1512@example.com"], phones: ["mobile:+49 30 90182012"], urls: ["work:https://www.linkedin.com/in/mateo-eriksson-2512"], firstName: "Mateo", lastName: "Eriksson", notes: "Follow up after the offsite" },
    { line: 15, name: "Viktor Xu", company: "Umbrella Health", title: "Founder & CEO", location: "Berlin", emails: ["other:contact1513@example.com"], phones: ["mobile:+49 30 90182013"], firstName: "Viktor", lastName: "Xu" },
    { line: 16, name: "Quentin Okafor", company: "Northwind Traders", title: "VP, Sales", location: "Montréal", emails: ["other:contact1514@example.com"], phones: ["mobile:+49 30 90182014"], firstName: "Quentin", lastName: "Okafor" },
    { line: 17, name: "Nnamdi Petrov", company: "Zenith 🚀 Labs", title: "Investor", location: "Berlin", birthday: "1985-12-09", emails: ["other:contact1515@example.com"], phones: ["mobile:+49 30 90182015"], urls: ["work:https://www.linkedin.com/in/nnamdi-petrov-2515"], firstName: "Nnamdi", lastName: "Petrov" },
    { line: 18, name: "Wei Wójcik", company: "Stripe, Inc.", title: "Staff Engineer | Platform", location: "Berlin", birthday: "1975-09-05", emails: ["other:contact1516@example.com"], phones: ["mobile:+49 30 90182016"], firstName: "Wei", lastName: "Wójcik", notes: "Follow up after the offsite" },
    { line: 19, name: "Kavya García", company: "Globex", title: "VP, Sales", location: "São Paulo", birthday: "1986-05-12", emails: ["other:contact1517@example.com"], phones: ["mobile:+49 30 90182017"], firstName: "Kavya", lastName: "García" },
    { line: 20, name: "Mateo Petrov", company: "Hooli", title: "Product Manager", birthday: "1985-03-21", emails: ["other:contact1518@example.com"], phones: ["mobile:+49 30 90182018"], urls: ["work:https://www.linkedin.com/in/mateo-petrov-2518"], firstName: "Mateo", lastName: "Petrov" },
    { line: 21, name: "O'Neil Rossi", company: "Hooli", title: "CFO", location: "Berlin", emails: ["other:contact1519@example.com"], phones: ["mobile:+49 30 90182019"], firstName: "O'Neil", lastName: "Rossi" },
  ],
  "thunderbird__export.csv": [
    { line: 2, name: "contact number one", warnings: ["line 2 primary email: \"contact1@invalid\" is not an email address; skipped"], firstName: "contact", lastName: "one" },
    { line: 4, name: "contact number two", title: "\"worker\"", warnings: ["line 4 primary email: \"contact2@invalid\" is not an email address; skipped"], firstName: "contact", lastName: "two", notes: "here's some unicode text…" },
  ],
};

describe('vCard fixtures', () => {
  it('has an expectation for every file in the folder', () => {
    expect(Object.keys(VCARD).sort()).toEqual(fs.readdirSync(path.join(FIXTURES, 'vcard')).filter((f) => f !== 'SOURCES.md').sort());
  });
  for (const [file, expected] of Object.entries(VCARD)) {
    it(`reads ${file}`, async () => {
      expect(await summarize('vcard', file)).toEqual(expected);
    });
  }
});

describe('CSV fixtures', () => {
  it('has an expectation for every file in the folder', () => {
    expect(Object.keys(CSV).sort()).toEqual(fs.readdirSync(path.join(FIXTURES, 'csv')).filter((f) => f !== 'SOURCES.md').sort());
  });
  for (const [file, expected] of Object.entries(CSV)) {
    it(`reads ${file}`, async () => {
      expect(await summarize('csv', file)).toEqual(expected);
    });
  }
});
