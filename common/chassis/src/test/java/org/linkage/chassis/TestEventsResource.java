package org.linkage.chassis;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.linkage.chassis.outbox.Outbox;

/** A request that publishes an event, as every service's creating POST does. */
@Path("/test-events")
public class TestEventsResource {

    private final Outbox outbox;

    TestEventsResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("{subject}")
    @Transactional
    public String publish(@PathParam("subject") String subject) {
        return outbox.publish(new TestEvent(subject, 1)).eventId().toString();
    }
}
