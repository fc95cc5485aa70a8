package dev.livechat.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import dev.livechat.domain.shared.Page;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Sorted, paged queries: the caller's sort keys, then {@code _id} ascending as the final tie-breaker. */
final class Paging {

    private Paging() {
    }

    static Bson sort(List<String> fields, List<Boolean> ascending) {
        List<Bson> keys = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            keys.add(ascending.get(i) ? Sorts.ascending(fields.get(i)) : Sorts.descending(fields.get(i)));
        }
        keys.add(Sorts.ascending("_id"));
        return Sorts.orderBy(keys);
    }

    /**
     * One page of {@code filter}'s matches and their total. A count of 0 asks for no items (only the total);
     * documents the mapper cannot read are left out of the page.
     */
    static <T> Page<T> page(String operation, MongoCollection<Document> collection, Bson filter, Bson sort, int offset,
                            int count, Function<Document, Optional<T>> mapper) {
        return MongoErrors.call(operation, () -> {
            long total = collection.countDocuments(filter);
            List<T> items = new ArrayList<>();
            if (count > 0 && offset < total) {
                List<Document> docs = collection.find(filter).projection(StoreCollections.READ).sort(sort).skip(Math.max(0, offset)).limit(count)
                        .into(new ArrayList<>());
                for (Document doc : docs) {
                    mapper.apply(doc).ifPresent(items::add);
                }
            }
            // count and find are two reads: a document inserted in between must not make the page exceed the total
            long seen = items.isEmpty() ? 0 : (long) Math.max(0, offset) + items.size();
            return new Page<>(items, Math.max(total, seen));
        });
    }
}
