#include "common/document_builder.h"

#include "common/schema.h"
#include "common/stemmers.h"
#include "common/stored_article.h"
#include "common/text.h"

namespace dateline {
namespace {

// Gap between fields and paragraphs, so that a phrase never spans two.
constexpr Xapian::termpos kFieldGap = 100;

}  // namespace

Xapian::Document build_document(const Article& article, Xapian::TermGenerator& termgen) {
  Xapian::Document doc;
  termgen.set_document(doc);
  termgen.set_stemmer(stemmer_for(article.language));
  for (const Field& field : schema_fields()) {
    const std::vector<std::string> values = field.values(article);
    if (values.empty()) continue;
    switch (field.kind) {
      case FieldKind::kText:
        for (const std::string& v : values) {
          const std::string folded = text::fold_diacritics(v);
          if (!field.prefix.empty()) {
            termgen.index_text(folded, 1, std::string(field.prefix));
            termgen.increase_termpos(kFieldGap);
          }
          if (field.free_text_weight > 0) {
            termgen.index_text(folded, field.free_text_weight);
            termgen.increase_termpos(kFieldGap);
          }
        }
        break;
      case FieldKind::kFilter:
        for (const std::string& v : values) doc.add_boolean_term(filter_term(field, v));
        if (field.slot != kNoSlot)
          doc.add_value(field.slot, normalise_filter_value(field, values[0]));
        break;
      case FieldKind::kKey:
        doc.add_value(field.slot, values[0]);
        break;
      case FieldKind::kDate:
      case FieldKind::kNumber:
        doc.add_value(field.slot, Xapian::sortable_serialise(std::stod(values[0])));
        break;
    }
  }
  doc.set_data(encode_stored_article(article));
  return doc;
}

}  // namespace dateline
