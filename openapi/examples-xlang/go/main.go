// The xlang program for OpenAPI Generator's go client (see README.md beside this folder).
//
// It runs against a sandbox named by WHICH50_BASE_URL and WHICH50_TOKEN, writes values of its
// own (prefixed with XLANG_CLIENT), reads each write back through the same client, and prints
// one JSON line per check. It exits 1 when a check failed.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"

	"which50xlang/which50"
)

const listID = 1042 // the sandbox's seeded list (the spec's examples use its ids)

var (
	failed     = false
	isoPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$`)
)

// report prints one check as a JSON line.
func report(check string, ok bool, detail string) {
	if !ok {
		failed = true
	}
	line, _ := json.Marshal(map[string]interface{}{"check": check, "ok": ok, "detail": detail})
	fmt.Println(string(line))
}

// problem describes a failed call: the status and body when the server answered.
func problem(err error, resp *http.Response) string {
	if apiErr, ok := err.(*which50.GenericOpenAPIError); ok {
		return fmt.Sprintf("%v: %s", err, strings.TrimSpace(string(apiErr.Body())))
	}
	if resp != nil {
		return fmt.Sprintf("%v (HTTP %d)", err, resp.StatusCode)
	}
	return err.Error()
}

func value(contact *which50.Contact, field string) string {
	if contact == nil || contact.Values == nil {
		return ""
	}
	text, _ := contact.Values[field].(string)
	return text
}

func main() {
	client := os.Getenv("XLANG_CLIENT")
	cfg := which50.NewConfiguration()
	cfg.Servers = which50.ServerConfigurations{{URL: os.Getenv("WHICH50_BASE_URL")}}
	api := which50.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), which50.ContextAccessToken, os.Getenv("WHICH50_TOKEN"))
	lists := api.ContactListsAPI

	// list contact lists
	found, resp, err := lists.ListContactLists(ctx).Execute()
	if err != nil {
		report("list contact lists", false, problem(err, resp))
	} else {
		seen := false
		for _, list := range found {
			seen = seen || list.GetId() == listID
		}
		report("list contact lists", seen, fmt.Sprintf("%d lists, %d among them: %v", len(found), listID, seen))
	}

	// upsert with match: the second write matches the first contact on Email and updates it
	email := client + ".upsert@example.com"
	upsert := func(firstName string) (*which50.Contact, *http.Response, error) {
		contact := which50.ContactInput{Values: map[string]interface{}{"Email": email, "FirstName": firstName}}
		return lists.UpsertContact(ctx, listID).Match([]string{"Email"}).ContactInput(contact).Execute()
	}
	first, resp, err := upsert("First")
	if err == nil {
		var second *which50.Contact
		second, resp, err = upsert("Second")
		if err == nil {
			read, resp2, err2 := api.ContactsAPI.GetContact(ctx, first.GetEncContactId()).Execute()
			if err2 != nil {
				report("upsert with match", false, problem(err2, resp2))
			} else {
				same := first.GetEncContactId() == second.GetEncContactId()
				report("upsert with match", same && value(read, "FirstName") == "Second",
					fmt.Sprintf("same contact: %v; FirstName read back: %q", same, value(read, "FirstName")))
			}
		}
	}
	if err != nil {
		report("upsert with match", false, problem(err, resp))
	}

	// contact form with two fields, read back through getContact
	formEmail := client + ".form@example.com"
	fields := map[string]string{"Email": formEmail, "FirstName": "Form"}
	made, resp, err := lists.SubmitContactForm(ctx).ListId(listID).Fields(fields).Execute()
	if err != nil {
		report("contact form", false, problem(err, resp))
	} else if read, resp, err := api.ContactsAPI.GetContact(ctx, made.GetEncContactId()).Execute(); err != nil {
		report("contact form", false, problem(err, resp))
	} else {
		ok := value(read, "Email") == formEmail && value(read, "FirstName") == "Form"
		report("contact form", ok, fmt.Sprintf("read back Email %q, FirstName %q", value(read, "Email"), value(read, "FirstName")))
	}

	// PATCH with match values: ?match=Email&Email=..., then list the contacts to see who changed
	city := client + "-city"
	update := which50.ContactInput{Values: map[string]interface{}{"City": city}}
	updated, resp, err := lists.UpdateMatchingContacts(ctx, listID).Match([]string{"Email"}).
		MatchValues(map[string]string{"Email": email}).ContactInput(update).Execute()
	if err != nil {
		report("patch with match values", false, problem(err, resp))
	} else if all, resp, err := lists.ListContactListContacts(ctx, listID).Execute(); err != nil {
		report("patch with match values", false, problem(err, resp))
	} else {
		var withCity []string
		for i := range all {
			if value(&all[i], "City") == city {
				withCity = append(withCity, value(&all[i], "Email"))
			}
		}
		ok := len(updated) == 1 && len(withCity) == 1 && withCity[0] == email
		report("patch with match values", ok, fmt.Sprintf("%d updated; contacts with the new City: %v", len(updated), withCity))
	}

	// upload a file, then download it
	content := "Email,City\n" + email + ",Galway\n"
	upload, err := os.CreateTemp("", client+"-*.csv")
	if err == nil {
		_, err = upload.WriteString(content)
	}
	if err == nil {
		_, err = upload.Seek(0, io.SeekStart)
	}
	if err != nil {
		report("upload file", false, err.Error())
		report("download file", false, "nothing uploaded")
	} else {
		defer os.Remove(upload.Name())
		stored, resp, err := api.FilesAPI.UploadFile(ctx).SubFolder("xlang/" + client).File(upload).Execute()
		if err != nil {
			report("upload file", false, problem(err, resp))
			report("download file", false, "nothing uploaded")
		} else {
			report("upload file", int(stored.GetSize()) == len(content),
				fmt.Sprintf("stored at %q, Size %d of %d bytes", stored.GetFilePath(), stored.GetSize(), len(content)))
			file, resp, err := api.FilesAPI.DownloadFile(ctx).FilePath(stored.GetFilePath()).Execute()
			if err != nil {
				report("download file", false, problem(err, resp))
			} else {
				defer os.Remove(file.Name())
				_, _ = file.Seek(0, io.SeekStart)
				back, _ := io.ReadAll(file)
				report("download file", string(back) == content, fmt.Sprintf("%d bytes back, equal: %v", len(back), string(back) == content))
			}
		}
	}

	// the server time: a string (the type says so at compile time) in ISO 8601 with an offset
	now, resp, err := lists.GetServerTime(ctx).Execute()
	if err != nil {
		report("server time is a string", false, problem(err, resp))
	} else {
		report("server time is a string", isoPattern.MatchString(now), fmt.Sprintf("%q", now))
	}

	// Linked Data records: the query parameter goes out as $select (go names its setter Select_)
	records, resp, err := api.LinkedDataAPI.ListLinkedDataRecords(ctx, fmt.Sprint(listID), 31).Select_([]string{"OrderNumber", "Total"}).Execute()
	if err != nil {
		report("linked data $select", false, problem(err, resp))
	} else {
		ok := len(records) > 0
		for _, record := range records {
			for key := range record {
				ok = ok && (key == "OrderNumber" || key == "Total")
			}
		}
		report("linked data $select", ok, fmt.Sprintf("%d records, only the selected fields: %v", len(records), ok))
	}

	// a file Size beyond 32 bits decodes through the generated model
	var big which50.UploadedFile
	err = json.Unmarshal([]byte(`{"FilePath":"big.bin","FileName":"big.bin","Size":3000000000}`), &big)
	if err != nil {
		report("big file size", false, err.Error())
	} else {
		report("big file size", int64(big.GetSize()) == 3000000000, fmt.Sprintf("Size %d", big.GetSize()))
	}

	if failed {
		os.Exit(1)
	}
}
