package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random histories (issuances, authorized adjustments, back-dated entries, some refused) recorded over HTTP:
 * the cap table replayed as of today equals the one read from the projections, and every refusal changed
 * nothing.
 */
class RandomHistoriesTest extends EndToEndTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 1234, 99991})
    void asOfTodayEqualsTheProjection(long seed) {
        Random random = new Random(seed);
        LocalDate formed = LocalDate.of(2015, 1, 1);
        String issuerId = createIssuer("Random " + seed, formed.toString()).json().get("issuerId").asString();
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(registerStakeholder(issuerId, "Holder " + i, date(random, formed)).id());
        }
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            classes.add(createStockClass(issuerId, "Class " + i, "C" + i + "-", String.valueOf(1000 + random.nextInt(5000)),
                    formed.toString()).id());
        }
        Api.Response last = null;
        for (int i = 0; i < 30; i++) {
            long eventsBefore = events(issuerId);
            Api.Response response;
            if (random.nextInt(5) == 0) {
                response = api.command("/api/issuers/" + issuerId + "/stock-classes/"
                        + classes.get(random.nextInt(classes.size())) + "/authorized-shares-adjustments", """
                        {"date": "%s", "newSharesAuthorized": "%d"}""".formatted(date(random, formed),
                        500 + random.nextInt(8000)));
            } else {
                response = issue(issuerId, holders.get(random.nextInt(holders.size())),
                        classes.get(random.nextInt(classes.size())), String.valueOf(1 + random.nextInt(900)),
                        date(random, formed));
            }
            assertThat(response.status()).as(response.text()).isIn(200, 201, 422);
            if (response.status() == 422) {
                assertThat(events(issuerId)).isEqualTo(eventsBefore);
            } else {
                assertThat(events(issuerId)).isEqualTo(eventsBefore + 1);
                last = response;
            }
        }
        assertThat(last).isNotNull();

        JsonNode projection = api.read("/api/issuers/" + issuerId + "/cap-table", last).json();
        JsonNode replay = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=" + LocalDate.now()).json();
        ((ObjectNode) projection).remove("asOf");
        ((ObjectNode) replay).remove("asOf");
        assertThat(replay).isEqualTo(projection);
        for (JsonNode stockClass : replay.get("stockClasses")) {
            assertThat(Long.parseLong(stockClass.get("sharesOutstanding").asString()))
                    .isLessThanOrEqualTo(Long.parseLong(stockClass.get("sharesAuthorized").asString()));
        }
    }

    private static String date(Random random, LocalDate formed) {
        return formed.plusDays(random.nextInt(3000)).toString();
    }
}
