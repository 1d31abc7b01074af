package org.capledger.command.captable;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.capledger.api.MetaDataKeys;

/**
 * Targets the aggregate named by the command's {@code @TargetAggregateIdentifier} and, when the metadata has
 * {@link MetaDataKeys#EXPECTED_VERSION} (from an HTTP {@code If-Match}), asks the repository to refuse the
 * command unless the aggregate is at exactly that version. Keeps HTTP concurrency control out of the commands.
 */
public class VersionFromMetaDataTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(MetaDataKeys.EXPECTED_VERSION);
        Long version = expected == null ? null : Long.valueOf(expected.toString());
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), version);
    }
}
