package dev.livechat.adapter.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the adapter's design relies on, checked against the in-process test server (mongo-java-server 1.46), including
 * the one thing it lacks: a change here tells whether a design decision can be revisited.
 */
class MongoJavaServerCapabilitiesTest {

    private static MongoFixture mongo;

    @BeforeAll
    static void start() {
        mongo = MongoFixture.inProcess().start();
        mongo.newStore();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static MongoCollection<Document> fresh(String name) {
        return mongo.database().getCollection(name);
    }

    @Test
    void partial_filter_expressions_are_ignored_so_the_open_room_key_is_a_sparse_index_instead() {
        MongoCollection<Document> c = fresh("partial");
        c.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true)
                .partialFilterExpression(new Document("open", true)));
        c.insertOne(new Document("_id", 1).append("token", "t").append("open", true));
        assertThatThrownBy(() -> c.insertOne(new Document("_id", 2).append("token", "t")))
                .isInstanceOf(MongoWriteException.class); // real MongoDB accepts this document
    }

    @Test
    void sparse_unique_indexes_are_enforced_on_insert_and_update_and_name_the_index() {
        MongoCollection<Document> c = fresh("sparse");
        c.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true).name("the_index"));
        c.insertOne(new Document("_id", 1));
        c.insertOne(new Document("_id", 2));
        c.insertOne(new Document("_id", 3).append("key", "k"));
        assertThatThrownBy(() -> c.updateOne(Filters.eq("_id", 1), Updates.set("key", "k")))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(11000);
                    assertThat(MongoErrors.duplicateKeyIndex(e)).contains("the_index");
                });
    }

    @Test
    void a_refused_upsert_reports_a_duplicate_key_which_the_lease_relies_on() {
        MongoCollection<Document> c = fresh("lease");
        Date future = Date.from(Instant.now().plusSeconds(60));
        c.insertOne(new Document("_id", "routing").append("expiresAt", future));
        assertThatThrownBy(() -> c.updateOne(Filters.and(Filters.eq("_id", "routing"),
                        Filters.lte("expiresAt", new Date())), Updates.set("owner", "me"), new UpdateOptions().upsert(true)))
                .isInstanceOfSatisfying(com.mongodb.MongoException.class,
                        e -> assertThat(MongoErrors.isDuplicateKey(e)).isTrue());
        assertThatThrownBy(() -> c.findOneAndUpdate(Filters.and(Filters.eq("_id", "routing"),
                        Filters.lte("expiresAt", new Date())), Updates.set("owner", "me"),
                new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)))
                .isInstanceOf(MongoCommandException.class);
    }

    @Test
    void null_in_an_in_list_matches_a_missing_key_which_the_version_check_relies_on() {
        MongoCollection<Document> c = fresh("versions");
        c.insertOne(new Document("_id", "rc"));
        c.insertOne(new Document("_id", "v0").append("v", 0L));
        c.insertOne(new Document("_id", "v1").append("v", 1L));
        assertThat(c.countDocuments(Filters.in("v", Arrays.asList(0L, null)))).isEqualTo(2);
    }
}
